import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { r5Text } from '../../../lib/activity-words';
import { api } from '../../../services/api';
import '../activities.css';

/**
 * R5: each organization of the district (for its officer) or the admin's own, with this year's activities held against
 * the minimum of two; one still short in the year's last quarter is flagged.
 */
export default function R5Page() {
  const session = useRequiredSession();
  const load = useCallback(() => api.r5Standings(), []);
  const standings = useLoadOnShow(session ? load : null);
  if (!session) return <View className='page' />;
  const view = standings.data;
  return (
    <View className='page r5-page'>
      {standings.error ? <ErrorNotice error={standings.error} /> : null}
      {!view && !standings.error ? <LoadingState /> : null}
      {view && view.organizations.length === 0 ? <EmptyState text='本区暂无服务机构' /> : null}
      {view && view.organizations.length > 0 ? (
        <CellGroup title={`${view.year}年 集体活动（每个机构每年至少 2 次）`}>
          <View id='r5-list'>
            {view.organizations.map((organization) => (
              <Cell
                key={organization.organizationId}
                id={`r5-${organization.organizationId}`}
                className={organization.behind ? 'r5-row--behind' : undefined}
                title={organization.name}
                note={r5Text(organization)}
                value={organization.met ? '已达标' : organization.behind ? '进度落后' : '未达标'}
              />
            ))}
          </View>
        </CellGroup>
      ) : null}
      <Text className='group-footer'>按活动日期（北京时间）计入当年；登记签到后记为已举办。</Text>
    </View>
  );
}
