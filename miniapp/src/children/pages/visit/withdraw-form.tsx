import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { asApiError, type ApiError, type VisitDetail } from '../../../api';
import { ErrorNotice } from '../../../components/states';
import { formatTimeRange } from '../../../lib/beijing-time';
import { REASON_LIMIT, withdrawalConfirm, withdrawalInputOf, withdrawalProblemOf } from '../../../lib/visit-correction';
import { visitKindText } from '../../../lib/visit-format';
import { api } from '../../../services/api';
import { TextSection } from '../../../components/form-section';

/**
 * The author withdraws a check-in made by mistake (issue 7, B3): with a reason, after a confirm dialog. The record
 * stays, marked withdrawn; what the child is due is worked out again without it.
 */
export function WithdrawForm({ visit, onDone, onCancel }: { visit: VisitDetail; onDone: (visit: VisitDetail) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const [sending, setSending] = useState(false);

  async function submit() {
    if (inFlight.current) return;
    const found = withdrawalProblemOf(reason);
    setProblem(found);
    if (found) return;
    inFlight.current = true;
    setSending(true);
    setError(null);
    try {
      if (!(await Taro.showModal(withdrawalConfirm)).confirm) return;
      const withdrawn = await api.withdrawVisit(visit.childId, visit.id, withdrawalInputOf(visit, reason));
      void Taro.showToast({ title: '已撤回', icon: 'success' });
      onDone(withdrawn);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  return (
    <View className='page visit-page withdraw-form' id='withdraw-form'>
      <View className='visit-header'>
        <Text className='visit-header__child'>{visit.childName}</Text>
        <Text className='visit-header__what'>
          {visitKindText(visit)} · {formatTimeRange(visit.startedAt, visit.endedAt, new Date())}
        </Text>
        <Text className='visit-header__what'>登记错了（如重复登记、登记错了儿童）才撤回；内容有误请用“更正记录”。</Text>
      </View>
      <TextSection
        title='撤回原因（必填）'
        id='withdraw-reason'
        value={reason}
        limit={REASON_LIMIT}
        placeholder='例如：重复登记了同一次走访'
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      {problem ? <Text className='form-error visit-form__problem'>{problem}</Text> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <View className='visit-actions'>
        <Button
          className='button button--warn'
          id='withdraw-submit'
          disabled={sending || undefined}
          onClick={() => void submit()}
        >
          {sending ? '提交中…' : '撤回这条记录'}
        </Button>
        <Button className='button button--default' id='withdraw-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
