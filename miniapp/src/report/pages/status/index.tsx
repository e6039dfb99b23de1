import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { asApiError, type ApiError, type ConcernStatusView } from '../../../api';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { formatDateTime } from '../../../lib/beijing-time';
import { statusMeaningOf, statusText } from '../../../lib/concern-words';
import { trackingCodeProblem } from '../../../lib/tracking-lookup';
import { api } from '../../../services/api';
import './index.css';

const NOT_FOUND = 404;
/** Room for the code's 24 characters, its dashes and some stray spaces. */
const TYPED_MAX = 40;

/**
 * 查询办理进度 (issue 8, R17): anyone with a tracking code sees the status in words and, once closed, the feedback;
 * nothing about the child. The code is sent in the request body, never in the address.
 */
export default function ConcernStatusPage() {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [found, setFound] = useState<ConcernStatusView | null>(null);
  const { busy: looking, run } = useOneAtATime();

  async function lookUp() {
    const wrong = trackingCodeProblem(typed);
    setProblem(wrong);
    setFailure(null);
    setFound(null);
    if (wrong) return;
    try {
      setFound(await api.concernStatus(typed.trim()));
    } catch (e) {
      const error = asApiError(e);
      if (error.status === NOT_FOUND) setProblem('没有找到这个查询码的报告，请核对后重新输入');
      else setFailure(error);
    }
  }

  const now = new Date();
  return (
    <View className='page concern-status' id='status-page'>
      <Text className='section-title'>输入报告后得到的查询码</Text>
      <View className='status-lookup'>
        <Input
          className='form-input status-lookup__input'
          id='tracking-input'
          type='text'
          placeholder='如：K7QM-2XHD-…'
          maxlength={TYPED_MAX}
          value={typed}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => void run(lookUp)}
        />
        {problem ? (
          <Text className='form-error' id='status-problem'>
            {problem}
          </Text>
        ) : null}
        <View className='status-lookup__go'>
          <SubmitButton id='status-submit' busy={looking} label='查询' busyLabel='查询中…' onClick={() => void run(lookUp)} />
        </View>
      </View>
      {failure ? <ErrorNotice error={failure} /> : null}
      {found ? (
        <View className='status-found' id='status-found'>
          <Text className={`status-found__status status-found__status--${found.status}`} id='status-word'>
            {statusText(found.status)}
          </Text>
          <Text className='status-found__meaning'>{statusMeaningOf(found.status)}</Text>
          {found.closingFeedback ? (
            <View className='status-found__feedback' id='status-feedback'>
              <Text className='status-found__feedback-title'>办理结果</Text>
              <Text className='status-found__feedback-text'>{found.closingFeedback}</Text>
            </View>
          ) : null}
          <Text className='status-found__when'>报告时间：{formatDateTime(found.reportedAt, now)}</Text>
          <Text className='status-found__when'>最近更新：{formatDateTime(found.updatedAt, now)}</Text>
        </View>
      ) : null}
      <Text className='group-footer status-footer'>为保护孩子，这里只显示办理进度，不显示孩子和家庭的情况。情况紧急请直接拨打110。</Text>
    </View>
  );
}
