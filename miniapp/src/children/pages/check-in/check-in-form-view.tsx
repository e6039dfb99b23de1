import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DraftNotice } from '../../../components/draft-notice';
import { NetworkBanner } from '../../../components/network-banner';
import { SubmitButton } from '../../../components/submit-button';
import { ErrorNotice } from '../../../components/states';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import type { ChildBasics } from '../../../lib/child-basics';
import { teamChoicesOf, type CheckInPreset } from '../../../lib/check-in-form';
import { labelOf, roleNames } from '../../../lib/labels';
import type { Session } from '../../../lib/session';
import { getVisitLocation } from '../../../platform/location';
import { CheckInResult } from './check-in-result';
import {
  KindSection,
  LocationSection,
  PeopleSection,
  PurposeSection,
  RecordSections,
  ServicesSection,
  TimeSection,
} from './form-sections';
import { useCheckInDraft } from './use-check-in-draft';
import { useCheckInSubmit } from './use-check-in-submit';

const LEAVE_MESSAGE = '这条走访记录还没有提交。已填写的内容会保存在手机上，下次打开可以继续。确定离开吗？';

interface CheckInFormViewProps {
  session: Session;
  childId: string;
  /** What the phone knows of the child: name, village, team, whether R3 is judged. */
  basics: ChildBasics | undefined;
  preset: CheckInPreset;
}

export function CheckInFormView({ session, childId, basics, preset }: CheckInFormViewProps) {
  const userId = session.user.id;
  const draft = useCheckInDraft(userId, childId, preset);
  const { form } = draft;
  const { errors, clearErrors, saveError, submitting, outcome, submit, editAgain } = useCheckInSubmit(session, childId, basics, draft);
  const [locating, setLocating] = useState(false);

  useLeaveWarning((draft.dirty && outcome === null) || outcome?.state === 'sending', LEAVE_MESSAGE);

  function locate() {
    setLocating(true);
    void getVisitLocation().then((location) => {
      draft.adjust((f) => ({ ...f, location }));
      setLocating(false);
    });
  }

  useEffect(() => {
    // A restored draft keeps where the visit was recorded; 重新定位 is there if that was wrong.
    if (draft.restoredFrom === null || !form.location) locate();
  }, []);

  async function discardDraft() {
    const { confirm } = await Taro.showModal({
      title: '放弃已填写的内容？',
      content: '放弃后无法恢复，表单会重新开始。',
      confirmText: '放弃',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    draft.discard();
    clearErrors();
    locate();
  }

  if (outcome) {
    return (
      <View className='page check-in'>
        <CheckInResult outcome={outcome} onEdit={editAgain} />
      </View>
    );
  }

  const team = teamChoicesOf(basics?.team ?? undefined, userId, labelOf(roleNames, session.user.role));
  const edit = draft.edit;
  return (
    <View className='page check-in' id='check-in-form'>
      <NetworkBanner detail='可以照常填写和提交，记录会先存在手机上，联网后自动上传。' />
      <View className='check-in__header'>
        <Text className='check-in__child' id='check-in-child'>
          {basics?.name || '儿童'}
        </Text>
        {basics?.villageName ? <Text className='check-in__village'>{basics.villageName}</Text> : null}
      </View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => void discardDraft()} /> : null}
      <KindSection form={form} errors={errors} change={edit} />
      <PurposeSection form={form} change={edit} />
      <TimeSection form={form} errors={errors} change={edit} />
      <LocationSection form={form} locating={locating} onLocate={locate} />
      <PeopleSection form={form} errors={errors} team={team} change={edit} />
      <ServicesSection form={form} change={edit} />
      <RecordSections form={form} change={edit} />
      {saveError ? <ErrorNotice error={{ title: saveError, detail: undefined }} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: Object.values(errors).join('；') }} /> : null}
      <View className='check-in__submit'>
        <SubmitButton id='check-in-submit' busy={submitting} label='提交' busyLabel='提交中…' onClick={() => void submit()} />
      </View>
    </View>
  );
}
