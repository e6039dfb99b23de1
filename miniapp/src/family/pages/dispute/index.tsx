import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type PendingVisit } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatTimeRange } from '../../../lib/beijing-time';
import { toggleIn } from '../../../lib/choices';
import { disputeInputOf, disputeProblemOf, type DisputeReason } from '../../../lib/dispute';
import { disputeReasonNames } from '../../../lib/labels';
import { servicesText, visitKindText, whoCameText } from '../../../lib/visit-format';
import { api } from '../../../services/api';
import './index.css';

const reasonChoices = (Object.keys(disputeReasonNames) as DisputeReason[]).map((value) => ({
  value,
  label: disputeReasonNames[value],
}));

/** The guardian says what was wrong with a visit; the supervisor is told (in-app inbox). */
export default function DisputePage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const visitId = params.visitId ? decodeURIComponent(params.visitId) : '';
  const [visit, setVisit] = useState<PendingVisit | null | undefined>(undefined);
  const [reasons, setReasons] = useState<DisputeReason[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!session) return;
    api.pendingConfirmations().then(
      (items) => setVisit(items.find((item) => item.id === visitId) ?? null),
      (e: unknown) => setError(asApiError(e)),
    );
  }, [session, visitId]);

  if (!session) return <View className='page' />;
  if (error && visit === undefined) {
    return (
      <View className='page dispute'>
        <ErrorNotice error={error} />
      </View>
    );
  }
  if (visit === undefined) {
    return (
      <View className='page dispute'>
        <LoadingState />
      </View>
    );
  }
  if (visit === null) {
    return (
      <View className='page dispute'>
        <EmptyState text='这次走访已经答复过了' detail='如有问题，请联系儿童主任' />
      </View>
    );
  }
  const current = visit;

  async function submit() {
    const found = disputeProblemOf(reasons, note);
    setProblem(found);
    if (found || sending) return;
    setSending(true);
    try {
      await api.confirmVisit(current.childId, current.id, disputeInputOf(reasons, note, current.version));
      await Taro.showToast({ title: '已提交异议', icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      setError(asApiError(e));
      setSending(false);
    }
  }

  return (
    <View className='page dispute' id='dispute-form'>
      <View className='dispute__visit'>
        <Text className='dispute__child'>{current.childName}</Text>
        <Text className='dispute__line'>来访时间：{formatTimeRange(current.startedAt, current.endedAt, new Date())}</Text>
        <Text className='dispute__line'>来访方式：{visitKindText(current)}</Text>
        <Text className='dispute__line'>来访人员：{whoCameText(current)}</Text>
        <Text className='dispute__line'>服务内容：{servicesText(current.services)}</Text>
      </View>
      <Text className='section-title'>哪里不对？（可多选）</Text>
      <View className='dispute__body'>
        <ChoiceChips idPrefix='reason' choices={reasonChoices} selected={reasons} onToggle={(r) => setReasons((rs) => toggleIn(rs, r))} />
        <Textarea
          className='dispute__note'
          id='dispute-note'
          value={note}
          maxlength={500}
          placeholder={reasons.includes('other') ? '请写明情况（必填）' : '补充说明（选填）'}
          onInput={(e) => setNote(e.detail.value)}
        />
        {problem ? <Text className='form-error'>{problem}</Text> : null}
      </View>
      {error ? <ErrorNotice error={error} /> : null}
      <Text className='group-footer'>提交后，镇（街道）儿童督导员会收到提醒并跟进核实。</Text>
      <View className='dispute__actions'>
        <Button className={`button button--primary${sending ? ' button--busy' : ''}`} id='dispute-submit' onClick={() => void submit()}>
          {sending ? '提交中…' : '提交异议'}
        </Button>
      </View>
    </View>
  );
}
