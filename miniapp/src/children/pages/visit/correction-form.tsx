import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError, type ChildDetail, type VisitDetail } from '../../../api';
import { ErrorNotice } from '../../../components/states';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import type { CheckInForm } from '../../../lib/check-in-form';
import { labelOf, roleNames } from '../../../lib/labels';
import type { Session } from '../../../lib/session';
import {
  correctionFormOf,
  correctionInputOf,
  correctionProblemsOf,
  participantChoicesOf,
  REASON_LIMIT,
  type CorrectionProblems,
} from '../../../lib/visit-correction';
import { api } from '../../../services/api';
import { childBasicsOf } from '../../../services/child-cache';
import { TextSection } from '../../../components/form-section';
import { PeopleSection, RecordSections, ServicesSection, TimeSection } from '../check-in/form-sections';

const LEAVE_MESSAGE = '更正还没有提交，离开后填写的内容不会保存。确定离开吗？';

interface CorrectionFormProps {
  visit: VisitDetail;
  session: Session;
  onDone: (visit: VisitDetail) => void;
  onCancel: () => void;
}

/** The child's team, to tick whoever else came: from the phone's copy at once, then as the server has it. */
function useTeam(childId: string): ChildDetail['team'] | undefined {
  const [team, setTeam] = useState(() => childBasicsOf(childId)?.team);
  useEffect(() => {
    api.getChild(childId).then(
      (child) => setTeam(child.team),
      () => undefined,
    );
  }, [childId]);
  return team;
}

/**
 * The author corrects their check-in (issue 7, B3): the check-in form's own sections, filled with the visit as it
 * stands; only what is changed is sent, with a reason. The kind of visit, its purpose and where it was recorded
 * stay as they are.
 */
export function CorrectionForm({ visit, session, onDone, onCancel }: CorrectionFormProps) {
  const [form, setForm] = useState<CheckInForm>(() => correctionFormOf(visit));
  const [reason, setReason] = useState('');
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<CorrectionProblems | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const [sending, setSending] = useState(false);
  const team = useTeam(visit.childId);
  useLeaveWarning(dirty, LEAVE_MESSAGE);

  const edit = (update: (form: CheckInForm) => CheckInForm) => {
    setForm(update);
    setDirty(true);
    setProblems(null);
  };

  async function submit() {
    if (inFlight.current) return;
    const found = correctionProblemsOf(visit, form, reason, new Date());
    setProblems(found);
    if (found) return;
    inFlight.current = true;
    setSending(true);
    setError(null);
    try {
      const corrected = await api.correctVisit(visit.childId, visit.id, correctionInputOf(visit, form, reason));
      void Taro.showToast({ title: '已更正', icon: 'success' });
      onDone(corrected);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  const errors = problems?.form ?? {};
  const choices = participantChoicesOf(visit, team, session.user.id, labelOf(roleNames, session.user.role));
  return (
    <View className='page visit-page correction-form' id='correction-form'>
      <View className='visit-header'>
        <Text className='visit-header__child'>{visit.childName}</Text>
        <Text className='visit-header__what'>改动的内容会记入更正记录，原记录保留。走访方式、目的和地点不能更正。</Text>
      </View>
      <TimeSection form={form} errors={errors} change={edit} />
      <PeopleSection form={form} errors={errors} team={choices} change={edit} />
      <ServicesSection form={form} change={edit} />
      <RecordSections form={form} change={edit} />
      <TextSection
        title='更正原因（必填）'
        id='correction-reason'
        value={reason}
        limit={REASON_LIMIT}
        placeholder='例如：结束时间填错了；儿童主任那天没有去'
        onChange={(value) => {
          setReason(value);
          setDirty(true);
          setProblems(null);
        }}
      />
      {problems?.reason ? <Text className='form-error visit-form__problem'>{problems.reason}</Text> : null}
      {problems?.unchanged ? <Text className='form-error visit-form__problem'>{problems.unchanged}</Text> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <View className='visit-actions'>
        <Button
          className='button button--primary'
          id='correction-submit'
          disabled={sending || undefined}
          onClick={() => void submit()}
        >
          {sending ? '提交中…' : '提交更正'}
        </Button>
        <Button className='button button--default' id='correction-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
