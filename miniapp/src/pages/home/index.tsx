import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type Me } from '../../api';
import { CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { Tag } from '../../components/tag';
import { useRequiredSession } from '../../hooks/use-required-session';
import { describeScope } from '../../lib/format';
import { homeKindOf } from '../../lib/labels';
import { summariseRoster, type RosterSummary } from '../../lib/roster';
import { api } from '../../services/api';
import { rememberRegionNames } from '../../services/region-names';
import { endSession } from '../../services/session';
import { GuardianSection, PledgeNotice, StaffSection, VolunteerSection } from './sections';
import './index.css';

export default function HomePage() {
  const session = useRequiredSession();
  const [me, setMe] = useState<Me | null>(null);
  const [roster, setRoster] = useState<RosterSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // /me is fresher, but only the login answer may carry the area's name.
  const user = session ? { ...session.user, ...me, scopeName: me?.scopeName ?? session.user.scopeName } : null;
  const kind = user ? homeKindOf(user.role) : null;

  useEffect(() => {
    if (!session) return;
    api.me().then(setMe, (e: unknown) => setError(asApiError(e)));
    // A volunteer sees no child records (ARCHITECTURE.md), so there is nothing to ask for.
    if (homeKindOf(session.user.role) === 'volunteer') return;
    summariseRoster(api.listChildren).then(
      (summary) => {
        rememberRegionNames(summary.regionNames);
        setRoster(summary);
      },
      (e: unknown) => setError(asApiError(e)),
    );
  }, [session]);

  if (!session || !user) return <View className='page' />;
  const scope = describeScope(user.scope, user.scopeName, roster?.regionNames);

  return (
    <View className='page home'>
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
      {error ? <ErrorNotice error={error} /> : null}
      {kind === 'staff' && me?.pledgeRequired && !me.pledgeSigned ? <PledgeNotice /> : null}
      {kind === 'staff' ? <StaffSection roster={roster} scope={scope} /> : null}
      {kind === 'guardian' ? <GuardianSection roster={roster} /> : null}
      {kind === 'volunteer' ? <VolunteerSection pledgeSigned={me?.pledgeSigned ?? null} /> : null}
      <CellGroup title='账号'>
        <View className='home__logout-wrap'>
          <Button className='button button--warn logout' id='logout' onClick={endSession}>
            退出登录
          </Button>
        </View>
      </CellGroup>
    </View>
  );
}
