import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type ChildDetail, type Visit } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { RuleText } from '../../../components/rule-text';
import { VisitRow } from '../../../components/visit-row';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { describeDue, dueAssigneeText, obligationKindText, sortByUrgency } from '../../../lib/visit-format';
import { api } from '../../../services/api';
import { rememberObligations } from '../../../services/child-cache';
import { routes } from '../../../services/routes';

const VISITS_PAGE = 10;

export function CheckInButton({ childId }: { childId: string }) {
  return (
    <View className='child-detail__check-in'>
      <Button
        className='button button--primary'
        id='check-in-button'
        onClick={() => void Taro.navigateTo({ url: routes.checkIn(childId) })}
      >
        入户登记
      </Button>
    </View>
  );
}

/** What the child is due next and the rule behind each (staff only: guardians do not see the worker's schedule). */
export function NextDueSection({ childId }: { childId: string }) {
  const { data, error } = useLoadOnShow(async () => {
    const obligations = await api.childObligations(childId);
    // The whole list says whether the district judges R3: the check-in form's warning needs it, also offline.
    rememberObligations(childId, obligations);
    return obligations;
  });
  const today = shanghaiDateOf(new Date());
  return (
    <CellGroup title='下次应访' className='next-due'>
      <View id='next-due'>
        {error ? <ErrorNotice error={error} /> : null}
        {data === null && !error ? <LoadingState /> : null}
        {data?.length === 0 ? <EmptyState text='暂无应访安排' /> : null}
        {sortByUrgency(data ?? []).map((item) => {
          const due = describeDue(item, today);
          return (
            <Cell
              key={`${item.kind}-${item.performer}`}
              className={`next-due-item due-item--${due.urgency}`}
              title={`${obligationKindText(item)} · ${dueAssigneeText(item)}`}
              note={<RuleText text={item.reason} />}
              value={<Text className={`due-value due-value--${due.urgency}`}>{due.text}</Text>}
            />
          );
        })}
      </View>
    </CellGroup>
  );
}

interface History {
  items: Visit[];
  nextCursor: string | null;
}

/** Newest first, with the guardian's answer to each; a tap opens the visit's own page. */
export function VisitHistory({ child }: { child: ChildDetail }) {
  const first = useLoadOnShow(() => api.listVisits(child.id, { limit: VISITS_PAGE }));
  const [older, setOlder] = useState<History | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // A reload on show (back from a check-in) starts the list over.
  useEffect(() => setOlder(null), [first.data]);
  const items = [...(first.data?.items ?? []), ...(older?.items ?? [])];
  const nextCursor = older ? older.nextCursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await api.listVisits(child.id, { limit: VISITS_PAGE, cursor: nextCursor });
      setOlder({ items: [...(older?.items ?? []), ...page.items], nextCursor: page.nextCursor });
      setMoreError(null);
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <CellGroup title='走访记录' className='visit-history'>
      <View id='visit-history'>
        {first.error ? <ErrorNotice error={first.error} /> : null}
        {first.data === null && !first.error ? <LoadingState /> : null}
        {first.data && items.length === 0 ? <EmptyState text='还没有走访记录' /> : null}
        {items.map((visit) => (
          <VisitRow
            key={visit.id}
            visit={visit}
            team={child.team}
            onClick={() => void Taro.navigateTo({ url: routes.visit(child.id, visit.id) })}
          />
        ))}
        {moreError ? <ErrorNotice error={moreError} /> : null}
        {nextCursor ? (
          <View className='list-footer' id='visits-more' onClick={() => void loadMore()}>
            <Text className='link'>{loadingMore ? '加载中…' : '查看更早的记录'}</Text>
          </View>
        ) : null}
      </View>
    </CellGroup>
  );
}
