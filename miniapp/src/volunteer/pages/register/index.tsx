import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type VolunteerOrganization } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection } from '../../../components/form-section';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { fieldMessageOf } from '../../../lib/field-message';
import { emptyVolunteerForm, isVolunteerField, volunteerFormErrors, volunteerNameLimit, type VolunteerFormErrors } from '../../../lib/volunteer-form';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { registrationTicket } from '../../../services/volunteer-registration';
import { volunteerDrafts } from '../../../services/volunteer-drafts';
import '../volunteer.css';

/** The applicant has no account: their typing is kept under this name until it is sent. */
const APPLICANT = 'applicant';

/**
 * 志愿者注册 (issue 11 part 2): a WeChat user without an account applies with name, phone and organization. The
 * ticket from their WeChat login (kept on the phone) stands for them; the organization's admin then reviews.
 */
export default function VolunteerRegisterPage() {
  const [ticket] = useState(registrationTicket.load);
  const [organizations, setOrganizations] = useState<VolunteerOrganization[] | null>(null);
  const [errors, setErrors] = useState<VolunteerFormErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const draft = useFormDraft(volunteerDrafts, APPLICANT, 'application', emptyVolunteerForm);
  const { form, edit } = draft;
  const { busy, run } = useOneAtATime();

  useEffect(() => {
    api.volunteerOrganizations().then(setOrganizations, (e: unknown) => setFailure(asApiError(e)));
  }, []);

  async function submit() {
    const found = volunteerFormErrors(form);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || ticket === null) return;
    try {
      await api.applyAsVolunteer({ ticket, name: form.name.trim(), phone: form.phone.trim(), organizationId: form.organizationId });
      draft.done();
      void Taro.redirectTo({ url: routes.volunteerApplication });
    } catch (e) {
      const error = asApiError(e, '提交失败，请重试');
      if (isVolunteerField(error.field)) setErrors({ [error.field]: fieldMessageOf(error) });
      else setFailure(error);
    }
  }

  if (ticket === null) {
    return (
      <View className='page volunteer'>
        <ErrorNotice error={{ title: '请先用微信登录', detail: '从登录页进入志愿者注册' }} />
      </View>
    );
  }
  return (
    <View className='page volunteer' id='volunteer-register'>
      <View className='volunteer__intro'>
        <Text className='volunteer__title'>申请成为志愿者</Text>
        <Text className='volunteer__lead'>提交后由所选社会组织审核。通过后，用同一个微信登录即可参加关爱服务活动。</Text>
      </View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={draft.discard} /> : null}
      <FormSection title='姓名' error={errors.name} id='field-name'>
        <Input
          className='form-input'
          id='volunteer-name'
          type='text'
          placeholder='真实姓名'
          maxlength={volunteerNameLimit}
          value={form.name}
          onInput={(e) => {
            const name = e.detail.value;
            edit((f) => ({ ...f, name }));
          }}
        />
      </FormSection>
      <FormSection title='手机号' error={errors.phone} id='field-phone'>
        <Input
          className='form-input'
          id='volunteer-phone'
          type='number'
          placeholder='11位手机号，方便组织联系您'
          maxlength={11}
          value={form.phone}
          onInput={(e) => {
            const phone = e.detail.value;
            edit((f) => ({ ...f, phone }));
          }}
        />
      </FormSection>
      <FormSection title='加入的社会组织' error={errors.organizationId} id='field-organization'>
        {organizations === null ? <LoadingState /> : null}
        {organizations ? (
          <ChoiceChips
            idPrefix='volunteer-org'
            choices={organizations.map((o) => ({ value: o.id, label: o.name }))}
            selected={form.organizationId ? [form.organizationId] : []}
            onToggle={(organizationId) => edit((f) => ({ ...f, organizationId }))}
          />
        ) : null}
      </FormSection>
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='volunteer__actions'>
        <SubmitButton id='volunteer-submit' busy={busy} label='提交申请' busyLabel='正在提交…' onClick={() => void run(submit)} />
      </View>
      <Text className='group-footer'>您的姓名和手机号仅用于志愿服务的联系与管理。</Text>
    </View>
  );
}
