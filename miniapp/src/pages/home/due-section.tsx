import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { Cell, CellGroup } from '../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../components/states';
import { RuleText } from '../../components/rule-text';
import { Tag } from '../../components/tag';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { shanghaiDateOf } from '../../lib/beijing-time';
import { formatDate } from '../../lib/format';
import { offlineNoteOf } from '../../lib/offline-snapshot';
import { describeDue, obligationKindText, sortByUrgency } from '../../lib/visit-format';
import { preloadCheckInForm } from '../../platform/preload-pages';
import { api } from '../../services/api';
import { rememberDueList } from '../../services/child-cache';
import { routes } from '../../services/routes';

/** Each answer also teaches the phone the basics of the children in it, for check-ins without signal. */
async function loadDueList() {
  const items = await api.myObligations();
  rememberDueList(items);
  return items;
}

/**
 * The worker's schedule: what is overdue or due in the next 14 days, most urgent first, each with its rule. Kept on
 * the phone, so without signal it still shows (saying how old it is) and each item still opens the check-in form.
 */
export function DueSection() {
  const { data, error, savedAt } = useLoadOnShow(loadDueList, { keepAs: 'dueList' });
  useEffect(preloadCheckInForm, []);
  const now = new Date();
  const today = shanghaiDateOf(now);
  return (
    <CellGroup title={data ? `待办走访（${data.length}）` : '待办走访'} className='due-list'>
      <View id='due-list'>
        {savedAt ? (
          <Text className='offline-note' id='offline-note'>
            {offlineNoteOf(savedAt, now)}
          </Text>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        {data === null && !error ? <LoadingState /> : null}
        {data?.length === 0 ? <EmptyState text='近 14 天没有到期的走访' /> : null}
        {sortByUrgency(data ?? []).map((item) => {
          const due = describeDue(item, today);
          return (
            <Cell
              key={`${item.childId}-${item.kind}-${item.performer}`}
              id={`due-${item.childId}-${item.kind}`}
              className={`due-item due-item--${due.urgency}`}
              title={`${item.childName} · ${item.villageName}`}
              note={<RuleText text={item.reason} />}
              value={<Text className={`due-value due-value--${due.urgency}`}>{due.text}</Text>}
              onClick={() => void Taro.navigateTo({ url: routes.dueItem(item.childId, item.kind) })}
            >
              <View className='tags'>
                <Tag tone='neutral' className='due-kind'>
                  {obligationKindText(item)}
                </Tag>
                <Tag tone='grey'>应于{formatDate(item.dueDate)}</Tag>
              </View>
            </Cell>
          );
        })}
      </View>
    </CellGroup>
  );
}
