import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type ApiError, type ChildPage } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { ChoiceChips } from '../../../components/choice-chips';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { RiskTag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { assessmentKindNames, monthDayText, riskWithBasisText } from '../../../lib/assessment-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { riskLevelNames } from '../../../lib/labels';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';

const HIDDEN = [403, 404];
const levelChoices = (['red', 'yellow', 'green'] as const).map((value) => ({ value, label: riskLevelNames[value] }));

/** The town supervisor's 调整风险等级: a level, a reason (required), a confirmation; the page reloads the child. */
function OverrideForm({ child, onDone }: { child: ChildPage; onDone: () => void }) {
  const [level, setLevel] = useState<'red' | 'yellow' | 'green' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Pick<ApiError, 'title' | 'detail'> | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!level || level === child.riskLevel) return setError({ title: '请选择一个新的风险等级', detail: undefined });
    if (!reason.trim()) return setError({ title: '请写下调整的理由', detail: undefined });
    const { confirm } = await Taro.showModal({ title: '调整风险等级？', content: `改为${riskLevelNames[level]}，应访安排将按本区的走访规则重新计算。`, confirmText: '调整' });
    if (!confirm) return;
    setBusy(true);
    try {
      await api.overrideRiskLevel(child.id, { version: child.version, riskLevel: level, reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className='risk-override' id='risk-override-form'>
      <ChoiceChips idPrefix='override-level' choices={levelChoices.filter((c) => c.value !== child.riskLevel)} selected={level ? [level] : []} onToggle={setLevel} />
      <Input className='form-input' id='override-reason' type='text' placeholder='调整理由（必填）' maxlength={500} value={reason} onInput={(e) => setReason(e.detail.value)} />
      {error ? <ErrorNotice error={error} /> : null}
      <SubmitButton id='override-submit' busy={busy} label='确认调整' busyLabel='正在调整…' onClick={() => void submit()} />
    </View>
  );
}

/**
 * 监护评估 (issue 12, R18) on the child's page: the level and where it came from, the last assessment, when the next
 * is due (R2 yearly by end of February, R21 six-monthly), 新建评估 for the team, the history, and for the town's
 * supervisor the override with a reason.
 */
export function AssessmentSection({ child, mayRecord, mayOverride, onChanged }: { child: ChildPage; mayRecord: boolean; mayOverride: boolean; onChanged: () => void }) {
  const { data, error } = useLoadOnShow(() => api.childAssessments(child.id));
  const [overriding, setOverriding] = useState(false);
  if (error && HIDDEN.includes(error.status)) return null;
  const today = shanghaiDateOf(new Date());
  const last = data?.items[0];
  return (
    <CellGroup title='监护评估' className='child-assessment'>
      <View id='child-assessment'>
        {error ? <ErrorNotice error={error} /> : null}
        {data === null && !error ? <LoadingState /> : null}
        <Cell title='风险等级' id='risk-basis' note={riskWithBasisText(child, today)} value={child.riskLevel ? <RiskTag level={child.riskLevel} /> : undefined} />
        {data ? (
          <>
            {last ? (
              <Cell
                id='last-assessment'
                title={`上次评估 · ${assessmentKindNames[last.kind]}`}
                note={last.presentNames.join('、')}
                value={monthDayText(last.heldOn, today)}
                onClick={() => void Taro.navigateTo({ url: routes.assessment(child.id, last.id) })}
              />
            ) : (
              <Cell id='last-assessment' title='上次评估' value='尚未评估' />
            )}
            <Cell id='next-assessment' title={last ? '下次评估' : '首次评估'} value={`${monthDayText(data.nextDue, today)}前${data.nextDue < today ? '（已逾期）' : ''}`} />
            {data.items.length > 0 ? (
              <Cell id='assessment-history' title='评估记录' value={`共 ${data.items.length} 次`} onClick={() => void Taro.navigateTo({ url: routes.assessmentHistory(child.id) })} />
            ) : null}
          </>
        ) : null}
        {mayRecord ? <Cell id='new-assessment' title='新建评估' note='六个方面、听取意见、结论和风险等级' onClick={() => void Taro.navigateTo({ url: routes.newAssessment(child.id) })} /> : null}
        {mayOverride ? (
          overriding ? (
            <OverrideForm child={child} onDone={() => { setOverriding(false); onChanged(); }} />
          ) : (
            <Cell id='risk-override' title='调整风险等级' note='督导员调整须写明理由' onClick={() => setOverriding(true)} />
          )
        ) : null}
      </View>
    </CellGroup>
  );
}
