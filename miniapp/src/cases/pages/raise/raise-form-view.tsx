import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DraftNotice } from '../../../components/draft-notice';
import { TextSection } from '../../../components/form-section';
import { NetworkBanner } from '../../../components/network-banner';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import type { EscalationLimits } from '../../../lib/escalation-deadline';
import { emptyEscalationForm, ESCALATION_TEXT_MAX } from '../../../lib/escalation-form';
import { escalationDrafts } from '../../../services/escalation-drafts';
import { RaiseResult } from './raise-result';
import { UrgentSection } from './urgent-section';
import { useRaiseSubmit } from './use-raise-submit';

const LEAVE_MESSAGE = '这份处置表还没有提请。已填写的内容会保存在手机上，下次打开可以继续。确定离开吗？';

interface RaiseFormViewProps {
  userId: string;
  child: { id: string; name: string; villageName: string };
  limits: EscalationLimits;
}

/** 疑难个案处置表 (issue 8, R6): kept on the phone while typed, raised once. */
export function RaiseFormView({ userId, child, limits }: RaiseFormViewProps) {
  const draft = useFormDraft(escalationDrafts, userId, child.id, () => emptyEscalationForm);
  const { form, edit } = draft;
  const { errors, failure, submitting, result: raised, submit } = useRaiseSubmit(child.id, draft);
  useLeaveWarning(draft.dirty && raised === null, LEAVE_MESSAGE);

  async function discardDraft() {
    const { confirm } = await Taro.showModal({
      title: '放弃已填写的内容？',
      content: '放弃后无法恢复，处置表会重新开始。',
      confirmText: '放弃',
      confirmColor: '#fa5151',
    });
    if (confirm) draft.discard();
  }

  if (raised) {
    return (
      <View className='page raise'>
        <RaiseResult raised={raised} />
      </View>
    );
  }

  const text = (field: 'problem' | 'tried' | 'helpNeeded') => (value: string) => edit((f) => ({ ...f, [field]: value }));
  return (
    <View className='page raise' id='raise-form'>
      <NetworkBanner detail='提请需要联网，填写的内容会先保存在手机上。' />
      <View className='raise__intro'>
        <Text className='raise__child' id='raise-child'>
          {child.name}
        </Text>
        {child.villageName ? <Text className='raise__village'>{child.villageName}</Text> : null}
        <Text className='raise__lead'>
          村里解决不了的困难，提请乡镇（街道）儿童督导员协调；村（居）儿童主任和社会组织也会知道。孩子的家人看不到这份处置表。
        </Text>
      </View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => void discardDraft()} /> : null}
      <TextSection
        title='问题'
        id='problem'
        value={form.problem}
        limit={ESCALATION_TEXT_MAX}
        placeholder='孩子和家庭遇到了什么困难，从什么时候开始'
        error={errors.problem}
        onChange={text('problem')}
      />
      <TextSection
        title='已采取的措施'
        id='tried'
        value={form.tried}
        limit={ESCALATION_TEXT_MAX}
        placeholder='已经做了什么、找过谁，结果怎样'
        error={errors.tried}
        onChange={text('tried')}
      />
      <TextSection
        title='需要的帮助'
        id='helpNeeded'
        value={form.helpNeeded}
        limit={ESCALATION_TEXT_MAX}
        placeholder='需要督导员或上级部门帮忙解决什么'
        error={errors.helpNeeded}
        onChange={text('helpNeeded')}
      />
      <UrgentSection urgent={form.urgent} limits={limits} error={errors.urgent} onChoose={(urgent) => edit((f) => ({ ...f, urgent }))} />
      {failure ? <ErrorNotice error={failure} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: undefined }} /> : null}
      <View className='raise__submit'>
        <SubmitButton id='raise-submit' busy={submitting} label='提请乡镇（街道）儿童督导员' busyLabel='正在提请…' onClick={() => void submit()} />
      </View>
    </View>
  );
}
