import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { isApiError, type QuarterlyDispatchView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { TextSection } from '../../../components/form-section';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { quarterLabel } from '../../../lib/report-words';
import { api } from '../../../services/api';
// The key figures look as on the 月度汇报 page they are drafted from.
import '../month/index.css';
import './index.css';

type Sections = QuarterlyDispatchView['sections'];

const SECTION_LIMIT = 2000;
const sectionFields = [
  { key: 'typicalCases', title: '典型案例', placeholder: '本季度的典型做法和案例（不写儿童姓名）' },
  { key: 'problems', title: '存在问题', placeholder: '工作中发现的问题和困难' },
  { key: 'nextSteps', title: '下一步计划', placeholder: '下季度的工作安排' },
] as const;

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
 * district's towns (赛马比拼), with 典型案例, 存在问题 and 下一步计划 for the town's supervisor to write and save; the
 * district's and the city's officers read it.
 */
export default function QuarterlyDispatchPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const townId = params.townId ?? '';
  const quarter = params.quarter ?? '';
  const load = useCallback(() => api.quarterlyDispatch(townId, quarter), [townId, quarter]);
  const dispatch = useLoadOnShow(session && townId && quarter ? load : null);
  const [draft, setDraft] = useState<Sections | null>(null);
  const [saving, setSaving] = useState(false);
  const view = dispatch.data;

  useEffect(() => {
    if (view) setDraft(view.sections);
  }, [view]);

  if (!session) return <View className='page' />;
  if (!townId || !quarter) return <View className='page'><EmptyState text='未指定镇（街道）或季度' /></View>;

  async function save() {
    if (!view || !draft) return;
    setSaving(true);
    try {
      await api.saveQuarterlyDispatch(view.town.id, view.quarter, { ...draft, version: view.version });
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '没能保存', content: isApiError(error) ? error.detail || error.title : '请稍后再试', showCancel: false });
    } finally {
      setSaving(false);
      dispatch.reload();
    }
  }

  return (
    <View className='page dispatch-page'>
      {dispatch.error ? <ErrorNotice error={dispatch.error} /> : null}
      {!view && !dispatch.error ? <LoadingState /> : null}
      {view ? (
        <View>
          <View className='dispatch-head'>
            <Text className='dispatch-head__title' id='dispatch-title'>{view.town.name} {quarterLabel(view.quarter)}工作简报</Text>
            {view.monthsReported < 3 ? <Text className='dispatch-head__note'>本季度已汇总 {view.monthsReported} 个月的数据</Text> : null}
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
            <Figure id='dispatch-confirmations' value={view.results.confirmations} name='监护人确认' />
            <Figure id='dispatch-concerns-closed' value={view.results.concernsClosed} name='线索办结' />
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
          {sectionFields.map((field) =>
            view.canEdit && draft ? (
              <TextSection
                key={field.key}
                title={field.title}
                id={`dispatch-${field.key}`}
                value={draft[field.key]}
                limit={SECTION_LIMIT}
                placeholder={field.placeholder}
                onChange={(value) => setDraft({ ...draft, [field.key]: value })}
              />
            ) : (
              <CellGroup key={field.key} title={field.title}>
                <Text className='dispatch-text' id={`dispatch-${field.key}`}>{view.sections[field.key] || '（督导员尚未填写）'}</Text>
              </CellGroup>
            ),
          )}
          {view.canEdit ? (
            <View className='dispatch-actions'>
              <Button className='button button--primary' id='dispatch-save' disabled={saving || undefined} onClick={() => void save()}>
                {saving ? '正在保存…' : '保存'}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
