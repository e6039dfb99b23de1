import { Button, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { asApiError, type ApiError, type EvaluationView } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { Tag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { evaluationGradeNames, labelOf } from '../../../lib/labels';
import { api } from '../../../services/api';
import { decisionText, gradeTone, statusText } from '../../evaluation-words';
import '../../evaluation.css';

/** 我的考核 (R23): the worker's yearly grades, a review asked for within 7 days (还可申请N天), and its outcome. */
export default function MyEvaluationPage() {
  const session = useRequiredSession();
  const load = useCallback(() => api.myEvaluations(), []);
  const evaluations = useLoadOnShow(session ? load : null);
  const [asking, setAsking] = useState<string | null>(null);
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function ask(evaluation: EvaluationView) {
    if (reasons.trim().length < 2) return setProblem('请写明申请复核的理由');
    if (busy) return;
    setProblem(null);
    setBusy(true);
    try {
      await api.requestEvaluationReview(evaluation.id, { reasons: reasons.trim(), version: evaluation.version });
      setAsking(null);
      setReasons('');
      evaluations.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (!session) return <View className='page' />;
  return (
    <View className='page my-evaluation-page'>
      {error ? <ErrorNotice error={error} /> : null}
      {evaluations.error ? <ErrorNotice error={evaluations.error} /> : null}
      {!evaluations.data && !evaluations.error ? <LoadingState /> : null}
      {evaluations.data?.length === 0 ? <EmptyState text='还没有公布的考核结果' /> : null}
      {evaluations.data?.map((evaluation) => (
        <View className='evaluation-card' key={evaluation.id} id={`evaluation-${evaluation.year}`}>
          <View className='evaluation-card__head'>
            <Text className='evaluation-card__name'>{evaluation.year}年度考核</Text>
            <Tag tone={gradeTone[evaluation.finalGrade]} id={`grade-${evaluation.year}`}>{labelOf(evaluationGradeNames, evaluation.finalGrade)}</Tag>
          </View>
          <Text className='evaluation-card__line'>评语：{evaluation.comments}</Text>
          <Text className='evaluation-card__line'>{evaluation.publishedByName} {formatDateTime(evaluation.publishedAt, new Date())} 公布</Text>
          <Text className={`evaluation-card__line${evaluation.status === 'reviewOpen' ? ' evaluation-card__countdown' : ''}`} id={`status-${evaluation.year}`}>
            {statusText(evaluation)}
          </Text>
          {evaluation.review ? <Text className='evaluation-card__line'>我的复核申请：{evaluation.review.reasons}</Text> : null}
          {decisionText(evaluation) ? <Text className='evaluation-card__line' id={`decision-${evaluation.year}`}>{decisionText(evaluation)}</Text> : null}
          {evaluation.status === 'reviewOpen' && asking !== evaluation.id ? (
            <Button className='button button--primary button--small' id={`ask-review-${evaluation.year}`} onClick={() => setAsking(evaluation.id)}>申请复核</Button>
          ) : null}
          {asking === evaluation.id ? (
            <View>
              <Textarea className='evaluation-card__text' id='review-reasons' value={reasons} maxlength={1000} placeholder='申请复核的理由（必填）' onInput={(e) => setReasons(e.detail.value)} />
              {problem ? <Text className='form-error'>{problem}</Text> : null}
              <View className='evaluation-card__actions'>
                <Button className='button button--default button--small' onClick={() => setAsking(null)}>取消</Button>
                <SubmitButton id='review-submit' busy={busy} label='提交申请' busyLabel='提交中…' onClick={() => void ask(evaluation)} />
              </View>
            </View>
          ) : null}
        </View>
      ))}
      <Text className='group-footer'>考核结果公布后7天内可申请复核；逾期或复核后为最终结果。</Text>
    </View>
  );
}
