import { Button, Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { asApiError, type ApiError, type EvaluatedWorker, type EvaluationGrade } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { Tag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { evaluationGradeNames, labelOf } from '../../../lib/labels';
import { api } from '../../../services/api';
import { decisionText, gradeTone, statusText } from '../../evaluation-words';
import { GradeForm } from './grade-form';
import '../../evaluation.css';

type Open = { workerId: string; kind: 'grade' | 'uphold' | 'change' } | null;

/**
 * 年度考核 (R23): the district officer grades the district's supervisors, directors and social workers for the year
 * (优秀 / 合格 / 需改进, with comments), which publishes the grade to the worker, and decides the reviews they ask for.
 */
export default function GradeWorkersPage() {
  const session = useRequiredSession();
  const year = Number(shanghaiDateOf(new Date()).slice(0, 4));
  const load = useCallback(() => api.evaluatedWorkers(year), [year]);
  const workers = useLoadOnShow(session ? load : null);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function act(run: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await run();
      setOpen(null);
      workers.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(worker: EvaluatedWorker, grade: EvaluationGrade | null, text: string) {
    const evaluation = worker.evaluation;
    if (open?.kind === 'grade' && grade) return act(() => api.publishEvaluation({ workerId: worker.workerId, year, grade, comments: text }));
    if (!evaluation) return undefined;
    if (open?.kind === 'change' && grade) return act(() => api.decideEvaluationReview(evaluation.id, { outcome: 'changed', grade, reasons: text, version: evaluation.version }));
    return act(() => api.decideEvaluationReview(evaluation.id, { outcome: 'upheld', reasons: text, version: evaluation.version }));
  }

  if (!session) return <View className='page' />;
  return (
    <View className='page grade-page'>
      <Text className='section-title'>{year}年度考核 · 本区工作人员</Text>
      {error ? <ErrorNotice error={error} /> : null}
      {workers.error ? <ErrorNotice error={workers.error} /> : null}
      {!workers.data && !workers.error ? <LoadingState /> : null}
      {workers.data?.length === 0 ? <EmptyState text='本区暂无工作人员' /> : null}
      {workers.data?.map((worker) => {
        const evaluation = worker.evaluation;
        const isOpen = open?.workerId === worker.workerId;
        return (
          <View className='evaluation-card' key={worker.workerId} id={`worker-${worker.workerId}`}>
            <View className='evaluation-card__head'>
              <Text className='evaluation-card__name'>{worker.name} · {worker.role}</Text>
              {evaluation ? <Tag tone={gradeTone[evaluation.finalGrade]}>{labelOf(evaluationGradeNames, evaluation.finalGrade)}</Tag> : <Tag tone='grey'>未考核</Tag>}
            </View>
            {evaluation ? <Text className='evaluation-card__line'>评语：{evaluation.comments} · {statusText(evaluation)}</Text> : null}
            {evaluation?.review ? <Text className='evaluation-card__line'>复核申请：{evaluation.review.reasons}</Text> : null}
            {evaluation && decisionText(evaluation) ? <Text className='evaluation-card__line'>{decisionText(evaluation)}</Text> : null}
            {isOpen ? (
              <GradeForm
                idPrefix={`${open.kind}-${worker.workerId}`}
                busy={busy}
                label={open.kind === 'grade' ? '公布结果' : open.kind === 'change' ? '改为此等级' : '维持原等级'}
                withGrade={open.kind !== 'uphold'}
                exclude={open.kind === 'change' ? evaluation?.grade : undefined}
                onSubmit={(grade, text) => void submit(worker, grade, text)}
                onCancel={() => setOpen(null)}
              />
            ) : !evaluation ? (
              <Button className='button button--primary button--small' id={`grade-${worker.workerId}`} onClick={() => setOpen({ workerId: worker.workerId, kind: 'grade' })}>考核</Button>
            ) : evaluation.status === 'reviewRequested' ? (
              <View className='evaluation-card__actions'>
                <Button className='button button--default button--small' id={`uphold-${worker.workerId}`} onClick={() => setOpen({ workerId: worker.workerId, kind: 'uphold' })}>维持</Button>
                <Button className='button button--primary button--small' id={`change-${worker.workerId}`} onClick={() => setOpen({ workerId: worker.workerId, kind: 'change' })}>改为其他等级</Button>
              </View>
            ) : null}
          </View>
        );
      })}
      <Text className='group-footer'>考核结果公布后，本人7天内可申请复核，复核后公布最终结果。</Text>
    </View>
  );
}
