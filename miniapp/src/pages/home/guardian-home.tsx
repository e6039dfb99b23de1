import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ChildListPage, type ChildSummary, type PendingVisit, type Visit } from '../../api';
import { CellGroup } from '../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../components/states';
import { VisitRow } from '../../components/visit-row';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { formatTimeRange } from '../../lib/beijing-time';
import { servicesText, visitKindText, whoCameText } from '../../lib/visit-format';
import { api } from '../../services/api';
import { routes } from '../../services/routes';
import { GuardianPlanSection } from './guardian-plan';
import { GuardianSafetySection } from './guardian-safety';
import { GuardianSection } from './sections';

const RECENT_VISITS = 5;

type ChildVisit = Visit & { childName: string };

function openVisit(visit: Pick<Visit, 'childId' | 'id'>) {
  void Taro.navigateTo({ url: routes.visit(visit.childId, visit.id) });
}

/** The latest visits across the guardian's children (a family has one or a few), newest first. */
async function loadRecentVisits(children: readonly ChildSummary[]): Promise<ChildVisit[]> {
  const pages = await Promise.all(children.map((child) => api.listVisits(child.id, { limit: RECENT_VISITS })));
  return pages
    .flatMap((page, i) => page.items.map((visit) => ({ ...visit, childName: children[i].name })))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, RECENT_VISITS);
}

/**
 * The guardian's home. R3: the guardian confirms each visit on their own phone, in place of signing the paper care
 * handbook, so visits waiting for an answer come first; one that did not happen as recorded is disputed, with a
 * reason, on the next page. Then their children and the latest visits.
 */
export function GuardianHome({ family }: { family: ChildListPage | null }) {
  const children = family?.items ?? null;
  const pending = useLoadOnShow(() => api.pendingConfirmations());
  const recent = useLoadOnShow(children ? () => loadRecentVisits(children) : null);
  const [answered, setAnswered] = useState<string[]>([]);
  const { reload: reloadRecent } = recent;

  useEffect(() => {
    if (children) reloadRecent();
  }, [children, reloadRecent]);

  async function confirm(visit: PendingVisit) {
    try {
      await api.confirmVisit(visit.childId, visit.id, { decision: 'confirm', reasons: [], note: '', version: visit.version });
      setAnswered((ids) => [...ids, visit.id]);
      void Taro.showToast({ title: '已确认', icon: 'success' });
      reloadRecent();
    } catch (e) {
      void Taro.showModal({ title: '确认没有成功', content: asApiError(e).message, showCancel: false });
      pending.reload();
    }
  }

  const waiting = (pending.data ?? []).filter((visit) => !answered.includes(visit.id));
  return (
    <View>
      <CellGroup title='待确认的走访' className='pending-confirmations'>
        <View id='pending-confirmations'>
          {pending.error ? <ErrorNotice error={pending.error} /> : null}
          {pending.data === null && !pending.error ? <LoadingState /> : null}
          {pending.data && waiting.length === 0 ? <EmptyState text='没有需要确认的走访' /> : null}
          {waiting.map((visit) => (
            <View key={visit.id} id={`pending-confirmation-${visit.id}`} className='confirm-card'>
              <Text className='confirm-card__child'>{visit.childName}</Text>
              <Text className='confirm-card__line'>来访时间：{formatTimeRange(visit.startedAt, visit.endedAt, new Date())}</Text>
              <Text className='confirm-card__line'>来访方式：{visitKindText(visit)}</Text>
              <Text className='confirm-card__line'>来访人员：{whoCameText(visit)}</Text>
              <Text className='confirm-card__line'>服务内容：{servicesText(visit.services)}</Text>
              <Text className='link confirm-card__more' id={`open-visit-${visit.id}`} onClick={() => openVisit(visit)}>
                查看这次走访的详情
              </Text>
              <View className='confirm-card__actions'>
                <Button className='button button--primary confirm-visit' id={`confirm-${visit.id}`} onClick={() => void confirm(visit)}>
                  确认来访
                </Button>
                <Button
                  className='button button--default dispute-visit'
                  id={`dispute-${visit.id}`}
                  onClick={() => void Taro.navigateTo({ url: routes.dispute(visit.childId, visit.id) })}
                >
                  有异议
                </Button>
              </View>
            </View>
          ))}
        </View>
      </CellGroup>
      {waiting.length > 0 ? <Text className='group-footer'>请核对来访情况后确认，确认代替在《关爱手册》上签字。</Text> : null}
      <GuardianSection family={family} />
      <GuardianPlanSection children={children} />
      <GuardianSafetySection />
      <CellGroup title='最近的走访' className='recent-visits'>
        {recent.error ? <ErrorNotice error={recent.error} /> : null}
        {recent.data?.length === 0 ? <EmptyState text='还没有走访记录' /> : null}
        {recent.data?.map((visit) => (
          <VisitRow key={visit.id} visit={visit} childName={visit.childName} onClick={() => openVisit(visit)} />
        ))}
      </CellGroup>
    </View>
  );
}
