import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AttentionState } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { VisitRow } from '../../../components/visit-row';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import './index.css';

const tabs: { state: AttentionState; label: string }[] = [
  { state: 'disputed', label: '监护人有异议' },
  { state: 'unconfirmed', label: '超期未确认' },
];

/**
 * The supervisor's follow-up: visits of the town the guardian disputed, or has left unconfirmed too long. A tap opens
 * the visit, where a dispute is settled; a settled one leaves the list when the page shows again.
 */
export default function AttentionPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const [state, setState] = useState<AttentionState>(params.state === 'unconfirmed' ? 'unconfirmed' : 'disputed');
  const scope = session?.user.scope;
  const townId = scope?.level === 'town' ? scope.regionId : null;
  const lists = useLoadOnShow(
    townId ? () => Promise.all([api.attention(townId, 'disputed'), api.attention(townId, 'unconfirmed')]) : null,
  );

  if (!session) return <View className='page' />;
  const items = lists.data ? lists.data[state === 'disputed' ? 0 : 1] : null;
  return (
    <View className='page attention'>
      <View className='tabs'>
        {tabs.map((tab, i) => (
          <View
            key={tab.state}
            id={`tab-${tab.state}`}
            className={`tabs__item${tab.state === state ? ' tabs__item--on' : ''}`}
            onClick={() => setState(tab.state)}
          >
            <Text>
              {tab.label}
              {lists.data ? `（${lists.data[i].length}）` : ''}
            </Text>
          </View>
        ))}
      </View>
      {townId ? null : <EmptyState text='只有镇（街道）儿童督导员可查看' />}
      {lists.error ? <ErrorNotice error={lists.error} /> : null}
      {townId && items === null && !lists.error ? <LoadingState /> : null}
      {items?.length === 0 ? <EmptyState text='没有需要跟进的走访' /> : null}
      {items && items.length > 0 ? (
        <CellGroup>
          <View id={`attention-${state}-list`}>
            {items.map((visit) => (
              <VisitRow
                key={visit.id}
                visit={visit}
                childName={`${visit.childName}（${visit.villageName}）`}
                extra={visit.confirmation.state === 'pending' ? `已 ${visit.pendingDays} 天未确认` : undefined}
                onClick={() => void Taro.navigateTo({ url: routes.visit(visit.childId, visit.id) })}
              />
            ))}
          </View>
        </CellGroup>
      ) : null}
    </View>
  );
}
