import { Input, Text } from '@tarojs/components';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { FormSection } from '../../../components/form-section';
import { toggleIn } from '../../../lib/choices';
import { reportTextLimits, type ConcernReportForm, type ReportFormErrors } from '../../../lib/concern-report-form';
import { concernKindNames } from '../../../lib/labels';
import { CallPolice } from '../../components/call-police';

type Change = (update: (form: ConcernReportForm) => ConcernReportForm) => void;

const kindChoices = choicesOf(concernKindNames);
const urgentChoices = [
  { value: 'yes' as const, label: '有危险，正在发生' },
  { value: 'no' as const, label: '现在没有危险' },
];

/** Asked first: a child in danger now needs the police before any form (R17), and the report is handled first. */
export function UrgentSection({ form, error, change }: { form: ConcernReportForm; error?: string; change: Change }) {
  const selected = form.urgent === null ? [] : [form.urgent ? ('yes' as const) : ('no' as const)];
  return (
    <FormSection title='孩子现在有危险吗？' error={error} id='urgent'>
      <ChoiceChips idPrefix='urgent' choices={urgentChoices} selected={selected} onToggle={(value) => change((f) => ({ ...f, urgent: value === 'yes' }))} />
      {form.urgent ? <CallPolice id='call-police' sent={false} /> : null}
    </FormSection>
  );
}

export function KindsSection({ form, error, change }: { form: ConcernReportForm; error?: string; change: Change }) {
  return (
    <FormSection title='发生了什么（可多选）' error={error} id='kinds'>
      <ChoiceChips idPrefix='kind' choices={kindChoices} selected={form.kinds} onToggle={(kind) => change((f) => ({ ...f, kinds: toggleIn(f.kinds, kind) }))} />
    </FormSection>
  );
}

/** Public only: both may stay empty (anonymous); the family is never told who reported (R17). */
export function ReporterSection({ form, errors, change }: { form: ConcernReportForm; errors: ReportFormErrors; change: Change }) {
  return (
    <FormSection title='您的称呼和电话（可以不填）' error={errors.reporterPhone} id='reporter'>
      <Input
        className='form-input'
        id='reporter-name'
        type='text'
        placeholder='称呼，如：王阿姨'
        maxlength={reportTextLimits.reporterName}
        value={form.reporterName}
        onInput={(e) => {
          const reporterName = e.detail.value;
          change((f) => ({ ...f, reporterName }));
        }}
      />
      <Input
        className='form-input'
        id='reporter-phone'
        type='text'
        placeholder='电话，方便工作人员联系您'
        maxlength={reportTextLimits.reporterPhone}
        value={form.reporterPhone}
        onInput={(e) => {
          const reporterPhone = e.detail.value;
          change((f) => ({ ...f, reporterPhone }));
        }}
      />
      <Text className='form-hint'>称呼和电话都可以不填，这样就是匿名报告。留下电话，工作人员可以向您了解情况。我们不会告诉孩子的家人是谁报告的。</Text>
    </FormSection>
  );
}
