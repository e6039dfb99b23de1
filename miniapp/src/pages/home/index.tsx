import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, NETWORK_FAILURE_STATUS, type ApiError, type ChildListPage, type Me } from '../../api';
import { Cell, CellGroup } from '../../components/cell';
import { NetworkBanner } from '../../components/network-banner';
import { PendingUploads } from '../../components/pending-uploads';
import { ErrorNotice } from '../../components/states';
import { Tag } from '../../components/tag';
import { useOnline } from '../../hooks/use-online';
import { useRequiredSession } from '../../hooks/use-required-session';
import { isConcernHandler } from '../../lib/concern-words';
import { isCaseHandler } from '../../lib/escalation-words';
import { isPledgeRequired } from '../../lib/pledge-words';
import { describeScope } from '../../lib/format';
import { homeKindOf, isVisitingWorker } from '../../lib/labels';
import { readsMonthlyReports } from '../../lib/report-words';
import { api } from '../../services/api';
import { rememberRegionNames } from '../../services/region-names';
import { routes } from '../../services/routes';
import { endSession } from '../../services/session';
import { ActivitySection, showsActivities } from './activity-section';
import { CaseSection } from './case-section';
import { ConcernSection } from './concern-section';
import { DueSection } from './due-section';
import { GuardianHome } from './guardian-home';
import { InboxEntry } from './inbox-entry';
import { OfficerSection } from './officer-section';
import { InspectionSection, showsInspection } from './inspection-section';
import { ReportSection } from './report-section';
import { SafetySection } from './safety-section';
import { PledgeNotice, StaffSection, VolunteerSection } from './sections';
import { SupervisorSection } from './supervisor-section';
import { OrgAdminSection } from './org-admin-section';
import './index.css';

/** A family's children fit in one page of the list. */
const FAMILY_PAGE = 20;

const offlineWorkerNote = '显示的是手机上保存的内容。走访照常登记，记录先存在手机上，联网后自动上传。';
const offlineNote = '显示的内容可能不是最新的，联网后会自动更新。';

/**
 * R12: who plans safety education sees its entry (undefined: not shown), and where its tracker opens from home: a
 * supervisor's town, a district officer's district; a director reaches their village's row from the schedule.
 */
function safetyTrackerOf(user: { role: string; scope?: { level: string; regionId: string } | null }): { townId: string } | { districtId: string } | null | undefined {
  if (user.role === 'director' && user.scope?.level === 'village') return null;
  if (user.role === 'supervisor' && user.scope?.level === 'town') return { townId: user.scope.regionId };
  if (user.role === 'districtOfficer' && user.scope?.level === 'district') return { districtId: user.scope.regionId };
  return undefined;
}

export default function HomePage() {
  const session = useRequiredSession();
  const [me, setMe] = useState<Me | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [family, setFamily] = useState<ChildListPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const online = useOnline();

  // /me is fresher, but only the login answer may carry the area's name.
  const user = session ? { ...session.user, ...me, scopeName: me?.scopeName ?? session.user.scopeName } : null;
  const kind = user ? homeKindOf(user.role) : null;

  useEffect(() => {
    if (!session) return;
    // Without signal the banner says so once; the home still shows what the phone has kept.
    setError(null);
    const fail = (e: unknown) => {
      const failure = asApiError(e);
      if (online || failure.status !== NETWORK_FAILURE_STATUS) setError(failure);
    };
    api.me().then(setMe, fail);
    const role = homeKindOf(session.user.role);
    if (role === 'staff') api.countChildren().then(setCount, fail);
    if (role === 'guardian') {
      api.listChildren({ limit: FAMILY_PAGE }).then((page) => {
        rememberRegionNames(page.regionNames);
        setFamily(page);
      }, fail);
    }
    // A volunteer sees no child records (ARCHITECTURE.md), so there is nothing to ask for.
    // Loaded again when the connection comes back, so a home opened without signal fills in by itself.
  }, [session, online]);

  if (!session || !user) return <View className='page' />;
  const scope = describeScope(user.scope, user.scopeName, family?.regionNames);
  const supervisedTown = user.role === 'supervisor' && user.scope?.level === 'town' ? user.scope.regionId : null;

  return (
    <View className='page home'>
      <NetworkBanner detail={isVisitingWorker(user.role) ? offlineWorkerNote : offlineNote} />
      <View className='home__greeting'>
        <Text className='home__hello' id='home-greeting'>
          您好，{user.name}
        </Text>
        <View className='tags'>
          <Tag tone='primary' className='home__role'>
            {user.roleName}
          </Tag>
        </View>
        {scope ? <Text className='home__scope'>辖区：{scope}</Text> : null}
      </View>
      {/* R8: the pledge notice says it already when the children's count was refused for the pledge. */}
      {error && !(isPledgeRequired(error) && me?.pledgeRequired) ? <ErrorNotice error={error} /> : null}
      {kind === 'staff' && me?.pledgeRequired && !me.pledgeSigned ? <PledgeNotice /> : null}
      <InboxEntry />
      {isVisitingWorker(user.role) ? <PendingUploads /> : null}
      {isConcernHandler(user.role) ? <ConcernSection handler /> : null}
      {isCaseHandler(user.role) ? <CaseSection /> : null}
      {kind === 'staff' ? <StaffSection count={count} scope={scope} /> : null}
      {user.role === 'districtOfficer' && user.scope?.level === 'district' ? <OfficerSection districtId={user.scope.regionId} /> : null}
      {isVisitingWorker(user.role) ? <DueSection /> : null}
      {supervisedTown ? <SupervisorSection townId={supervisedTown} /> : null}
      {readsMonthlyReports(user) ? <ReportSection sends={user.role !== 'cityOfficer'} /> : null}
      {safetyTrackerOf(user) !== undefined ? <SafetySection tracker={safetyTrackerOf(user)!} /> : null}
      {user.role === 'orgAdmin' ? <OrgAdminSection /> : null}
      {showsInspection(user.role) ? <InspectionSection role={user.role} /> : null}
      {kind === 'guardian' ? <GuardianHome family={family} /> : null}
      {kind === 'volunteer' ? <VolunteerSection pledgeSigned={me?.pledgeSigned ?? null} /> : null}
      {showsActivities(user.role) ? <ActivitySection role={user.role} /> : null}
      {isConcernHandler(user.role) ? null : <ConcernSection handler={false} />}
      <CellGroup title='账号'>
        <Cell
          id='entry-chat-bind'
          title={kind === 'guardian' ? '绑定公众号' : '绑定公众号 / 企业微信'}
          note='在微信对话里确认走访、报告情况、查看待办'
          onClick={() => void Taro.navigateTo({ url: routes.chatBind })}
        />
        <View className='home__logout-wrap'>
          <Button className='button button--warn logout' id='logout' onClick={() => endSession()}>
            退出登录
          </Button>
        </View>
      </CellGroup>
    </View>
  );
}
