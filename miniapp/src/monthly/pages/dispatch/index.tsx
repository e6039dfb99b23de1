import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { dispatchSectionFields } from '../../../lib/dispatch-form';
import { quarterLabel } from '../../../lib/report-words';
import { api } from '../../../services/api';
// The key figures look as on the 月度汇报 page they are drafted from.
import '../month/index.css';
import { DispatchEditor } from './dispatch-editor';
import './index.css';

const percentText = (value: number | null) => (value === null ? '—' : `${value}%`);

function Figure({ id, value, name }: { id: string; value: number | string; name: string }) {
  return (
    <View className='key-figure' id={id}>
      <Text className='key-figure__value'>{value}</Text>
      <Text className='key-figure__name'>{name}</Text>
    </View>
  );
}

/**
 * 季度工作简报 (R24): a town's quarter drafted from its three monthly reports (进展, 成效) and its place among the
 * district's towns (赛马比拼), with 典型案例, 存在问题 and 下一步计划 for the town's supervisor to write and save
 * (DispatchEditor); the district's and the city's officers read it.
 */
export default function QuarterlyDispatchPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const townId = params.townId ?? '';
  const quarter = params.quarter ?? '';
  const load = useCallback(() => api.quarterlyDispatch(townId, quarter), [townId, quarter]);
  const dispatch = useLoadOnShow(session && townId && quarter ? load : null);
  const view = dispatch.data;

  if (!session) return <View className='page' />;
  if (!townId || !quarter) return <View className='page'><EmptyState text='未指定镇（街道）或季度' /></View>;

  return (
    <View className='page dispatch-page'>
      {dispatch.error ? <ErrorNotice error={dispatch.error} /> : null}
      {!view && !dispatch.error ? <LoadingState /> : null}
      {view ? (
        <View>
          <View className='dispatch-head'>
            <Text className='dispatch-head__title' id='dispatch-title'>{view.town.name} {quarterLabel(view.quarter)}工作简报</Text>
            {view.monthsReported < 3 ? <Text className='dispatch-head__note'>本季度已汇总 {view.monthsReported} 个月的数据</Text> : null}
            {view.updatedAt ? (
              <Text className='dispatch-head__saved' id='dispatch-saved'>
                {view.updatedByName ?? ''} {formatDateTime(view.updatedAt, new Date())} 保存
              </Text>
            ) : null}
          </View>
          <Text className='section-title'>工作进展</Text>
          <View className='key-figures' id='dispatch-progress'>
            <Figure id='dispatch-due' value={view.progress.visitsDue} name='应走访' />
            <Figure id='dispatch-done' value={view.progress.visitsDone} name='已走访' />
            <Figure id='dispatch-on-time' value={view.progress.visitsOnTime} name='按时走访' />
            <Figure id='dispatch-rate' value={percentText(view.progress.completionPercent)} name='走访完成率' />
          </View>
          <Text className='section-title'>工作成效</Text>
          <View className='key-figures' id='dispatch-results'>
            <Figure id='dispatch-contacts' value={view.results.contacts} name='电话/视频联系' />
            <Figure id='dispatch-confirmations' value={view.results.confirmations} name='监护人确认' />
            <Figure id='dispatch-concerns-received' value={view.results.concernsReceived} name='收到线索' />
            <Figure id='dispatch-concerns-closed' value={view.results.concernsClosed} name='办结线索' />
          </View>
          <CellGroup title='赛马比拼：区内各镇（街道）走访完成率'>
            <View id='dispatch-comparison'>
              {view.comparison.map((town) => (
                <Cell
                  key={town.townId}
                  id={`rank-${town.townId}`}
                  className={town.townId === view.town.id ? 'dispatch-rank--own' : undefined}
                  title={`${town.rank === null ? '—' : `第${town.rank}名`} ${town.name}`}
                  note={`已走访 ${town.visitsDone} / 应走访 ${town.visitsDue}`}
                  value={percentText(town.completionPercent)}
                />
              ))}
            </View>
          </CellGroup>
          {view.canEdit ? (
            // A newer version (saved here or elsewhere) starts the editor over from what is saved.
            <DispatchEditor key={view.version} view={view} userId={session.user.id} onSaved={dispatch.reload} />
          ) : (
            dispatchSectionFields.map((field) => (
              <CellGroup key={field.key} title={field.title}>
                <Text className='dispatch-text' id={`dispatch-${field.key}`}>{view.sections[field.key] || '（督导员尚未填写）'}</Text>
              </CellGroup>
            ))
          )}
        </View>
      ) : null}
    </View>
  );
}
