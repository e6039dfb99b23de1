import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DraftNotice } from '../../../components/draft-notice';
import { FormSection, TextSection } from '../../../components/form-section';
import { NetworkBanner } from '../../../components/network-banner';
import { SubmitButton } from '../../../components/submit-button';
import { ErrorNotice } from '../../../components/states';
import { useFormDraft } from '../../../hooks/use-form-draft';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import { initialReportForm, reportTextLimits, type PickedChild, type ReportMode } from '../../../lib/concern-report-form';
import { concernReportDrafts } from '../../../services/concern-drafts';
import { routes } from '../../../services/routes';
import { ChildSection } from './child-section';
import { PlaceSection } from './place-section';
import { KindsSection, ReporterSection, UrgentSection } from './report-sections';
import { ReportResult } from './report-result';
import { useReportSubmit } from './use-report-submit';

const LEAVE_MESSAGE = '这份报告还没有提交。已填写的内容会保存在手机上，下次打开可以继续。确定离开吗？';
/** The draft of a public report is kept under this name in place of a user id. */
const PUBLIC_USER = 'public';

interface ReportFormViewProps {
  mode: ReportMode;
  /** The signed-in user, or null on the public page. */
  user: { id: string; role: string } | null;
  /** From a child's page: the child, already picked. */
  preset: PickedChild | null;
}

export function ReportFormView({ mode, user, preset }: ReportFormViewProps) {
  // A volunteer reads no child records (ARCHITECTURE.md), so has none to pick from.
  const mayPickKnown = mode === 'signedIn' && user?.role !== 'volunteer';
  const draft = useFormDraft(concernReportDrafts, user?.id ?? PUBLIC_USER, preset?.id ?? 'new', () => initialReportForm(mode, preset, mayPickKnown));
  const { form, edit, adjust } = draft;
  const { errors, failure, submitting, result: sent, submit } = useReportSubmit(mode, draft);
  useLeaveWarning(draft.dirty && sent === null, LEAVE_MESSAGE);

  async function discardDraft() {
    const { confirm } = await Taro.showModal({
      title: '放弃已填写的内容？',
      content: '放弃后无法恢复，表单会重新开始。',
      confirmText: '放弃',
      confirmColor: '#fa5151',
    });
    if (confirm) draft.discard();
  }

  if (sent) {
    return (
      <View className='page report'>
        <ReportResult sent={sent} />
      </View>
    );
  }

  const known = form.childChoice === 'known';
  return (
    <View className='page report' id='report-form'>
      <NetworkBanner detail='报告需要联网才能送出，填写的内容会先保存在手机上。情况紧急请直接拨打110。' />
      <View className='report__intro'>
        <Text className='report__title'>报告儿童遇到的危险</Text>
        <Text className='report__lead'>
          {mode === 'public'
            ? '无需登录，可以匿名。报告会送到孩子所在村（社区）的儿童主任和镇（街道）儿童督导员，由他们核实和帮助。'
            : '报告会送到孩子所在村（社区）的儿童主任和镇（街道）儿童督导员，由他们核实和帮助。'}
        </Text>
      </View>
      {draft.restoredFrom ? <DraftNotice savedAt={draft.restoredFrom} onDiscard={() => void discardDraft()} /> : null}
      <UrgentSection form={form} error={errors.urgent} change={edit} />
      <ChildSection form={form} error={errors.child} mayPickKnown={mayPickKnown} guardian={user?.role === 'guardian'} change={edit} />
      {known ? (
        <KnownChildPlace child={form.child} />
      ) : (
        <PlaceSection
          path={form.place}
          error={errors.place}
          onPick={(place) => edit((f) => ({ ...f, place }))}
          onAutoPick={(place) => adjust((f) => ({ ...f, place }))}
        />
      )}
      <KindsSection form={form} error={errors.kinds} change={edit} />
      <TextSection
        title='具体情况'
        id='description'
        value={form.description}
        limit={reportTextLimits.description}
        placeholder='看到或听到了什么，什么时候；孩子现在在哪里，和谁在一起'
        error={errors.description}
        onChange={(description) => edit((f) => ({ ...f, description }))}
      />
      {mode === 'public' ? (
        <ReporterSection form={form} errors={errors} change={edit} />
      ) : (
        <Text className='group-footer'>报告人是您本人（您的账号）。我们不会告诉孩子的家人是谁报告的。</Text>
      )}
      {failure ? <ErrorNotice error={failure} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: undefined }} /> : null}
      <View className='report__submit'>
        <SubmitButton id='report-submit' busy={submitting} label='提交报告' busyLabel='正在送出…' onClick={() => void submit()} />
      </View>
      {mode === 'public' ? (
        <Text className='link report__status-link' id='go-status' onClick={() => void Taro.navigateTo({ url: routes.concernStatus })}>
          已经报告过？用查询码查看办理进度
        </Text>
      ) : null}
    </View>
  );
}

/** A child of the user's list: the report goes to the child's own village. */
function KnownChildPlace({ child }: { child: PickedChild | null }) {
  const text = child === null ? '选好孩子后，报告会送到孩子所在的村（社区）' : `孩子所在的${child.villageName || '村（社区）'}`;
  return (
    <FormSection title='孩子在哪里' id='place'>
      <Text className='known-place'>{text}</Text>
    </FormSection>
  );
}
