import { Input, Picker, Text, View } from '@tarojs/components';
import { ChoiceChips, choicesOf } from '../../../components/choice-chips';
import { FormSection, TextCounter, TextSection } from '../../../components/form-section';
import { RuleText } from '../../../components/rule-text';
import { beijingInstant, formatDuration, shanghaiDateOf, shanghaiTimeOf } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { textLimits, withKind, type CheckInForm, type CheckInFormErrors, type TeamChoice } from '../../../lib/check-in-form';
import { locationText } from '../../../lib/visit-format';
import { toggleIn } from '../../../lib/choices';
import { contactChannelNames, visitKindNames, visitPurposeNames, visitServiceNames } from '../../../lib/labels';
import './form-sections.css';

type Change = (change: (form: CheckInForm) => CheckInForm) => void;

const kindChoices = choicesOf(visitKindNames);
const channelChoices = choicesOf(contactChannelNames);
const purposeChoices = choicesOf(visitPurposeNames);
const serviceChoices = choicesOf(visitServiceNames);

/** 入户走访, or 联系 by 电话 / 短信 / 视频. */
export function KindSection({ form, errors, change }: { form: CheckInForm; errors: CheckInFormErrors; change: Change }) {
  return (
    <FormSection title='走访方式' error={errors.contactChannel}>
      <ChoiceChips idPrefix='kind' choices={kindChoices} selected={[form.kind]} onToggle={(kind) => change((f) => withKind(f, kind))} />
      {form.kind === 'contact' ? (
        <ChoiceChips
          idPrefix='channel'
          choices={channelChoices}
          selected={form.contactChannel ? [form.contactChannel] : []}
          onToggle={(contactChannel) => change((f) => ({ ...f, contactChannel }))}
        />
      ) : (
        <RuleText className='form-hint' text='入户走访须至少2人（含负责该儿童的社工），时长不少于2小时（R3）' />
      )}
    </FormSection>
  );
}

/** A visit may also complete a reassessment (R21) or an R19 follow-up. */
export function PurposeSection({ form, change }: { form: CheckInForm; change: Change }) {
  return (
    <FormSection title='走访目的'>
      <ChoiceChips idPrefix='purpose' choices={purposeChoices} selected={[form.purpose]} onToggle={(purpose) => change((f) => ({ ...f, purpose }))} />
    </FormSection>
  );
}

function DateTimeRow({ label, idPrefix, date, time, onDate, onTime, onNow }: {
  label: string;
  idPrefix: string;
  date: string;
  /** '' until the worker chooses it (the end of a visit is never guessed). */
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  /** A one-tap choice of the current time, for a form filled in as the visit ends. */
  onNow?: () => void;
}) {
  return (
    <View className='time-row'>
      <Text className='time-row__label'>{label}</Text>
      <Picker mode='date' value={date} onChange={(e) => onDate(String(e.detail.value))}>
        <View className='time-row__value' id={`${idPrefix}-date`}>
          {formatDate(date)}
        </View>
      </Picker>
      <Picker mode='time' value={time || shanghaiTimeOf(new Date())} onChange={(e) => onTime(String(e.detail.value))}>
        <View className={`time-row__value${time ? '' : ' time-row__value--unset'}`} id={`${idPrefix}-time`}>
          {time || '请选择'}
        </View>
      </Picker>
      {onNow ? (
        <Text className='link time-row__now' id={`${idPrefix}-now`} onClick={onNow}>
          现在
        </Text>
      ) : null}
    </View>
  );
}

function durationText(form: CheckInForm): string {
  if (!form.endTime) return '—';
  const start = beijingInstant(form.startDate, form.startTime);
  const end = beijingInstant(form.endDate, form.endTime);
  return Date.parse(end) > Date.parse(start) ? formatDuration(start, end) : '—';
}

export function TimeSection({ form, errors, change }: { form: CheckInForm; errors: CheckInFormErrors; change: Change }) {
  return (
    <FormSection title='走访时间' error={errors.startedAt ?? errors.endedAt}>
      <DateTimeRow
        label='开始'
        idPrefix='start'
        date={form.startDate}
        time={form.startTime}
        onDate={(startDate) => change((f) => ({ ...f, startDate }))}
        onTime={(startTime) => change((f) => ({ ...f, startTime }))}
      />
      <DateTimeRow
        label='结束'
        idPrefix='end'
        date={form.endDate}
        time={form.endTime}
        onDate={(endDate) => change((f) => ({ ...f, endDate }))}
        onTime={(endTime) => change((f) => ({ ...f, endTime }))}
        onNow={() => {
          const now = new Date();
          change((f) => ({ ...f, endDate: shanghaiDateOf(now), endTime: shanghaiTimeOf(now) }));
        }}
      />
      <Text className='form-hint' id='visit-duration'>
        时长：{durationText(form)}
      </Text>
    </FormSection>
  );
}

export function LocationSection({ form, locating, onLocate }: { form: CheckInForm; locating: boolean; onLocate: () => void }) {
  const text = locating ? '正在获取定位…' : locationText(form.location);
  return (
    <FormSection title='走访地点'>
      <View className='location-row'>
        <Text className={`location-status${form.location ? '' : ' location-status--missing'}`} id='location-status'>
          {text}
        </Text>
        {locating ? null : (
          <Text className='link' id='relocate' onClick={onLocate}>
            重新定位
          </Text>
        )}
      </View>
    </FormSection>
  );
}

export function PeopleSection({ form, errors, team, change }: {
  form: CheckInForm;
  errors: CheckInFormErrors;
  team: TeamChoice[];
  change: Change;
}) {
  return (
    <FormSection title='参加人员' error={errors.participantIds ?? errors.companions}>
      <ChoiceChips
        idPrefix='participant'
        choices={team.map((member) => ({ value: member.id, label: member.label, locked: member.locked }))}
        selected={form.participantIds}
        onToggle={(id) => change((f) => ({ ...f, participantIds: toggleIn(f.participantIds, id) }))}
      />
      <Input
        className='form-input'
        id='companions'
        value={form.companions}
        maxlength={textLimits.companions}
        placeholder='其他同行人员姓名，如：李老师、王医生'
        onInput={(e) => {
          const companions = e.detail.value;
          change((f) => ({ ...f, companions }));
        }}
      />
      <TextCounter id='companions-counter' value={form.companions} limit={textLimits.companions} />
    </FormSection>
  );
}

export function ServicesSection({ form, change }: { form: CheckInForm; change: Change }) {
  return (
    <FormSection title='服务内容（可多选）'>
      <ChoiceChips
        idPrefix='service'
        choices={serviceChoices}
        selected={form.services}
        onToggle={(service) => change((f) => ({ ...f, services: toggleIn(f.services, service) }))}
      />
    </FormSection>
  );
}

/** The service record and the problems found, as the check-in and its correction take them. */
export function RecordSections({ form, change }: { form: CheckInForm; change: Change }) {
  return (
    <>
      <TextSection
        title='服务记录'
        id='notes'
        value={form.notes}
        limit={textLimits.notes}
        placeholder='本次走访了解的情况和提供的服务'
        onChange={(notes) => change((f) => ({ ...f, notes }))}
      />
      <TextSection
        title='发现的问题'
        id='problems'
        value={form.problemsFound}
        limit={textLimits.problemsFound}
        placeholder='没有可不填；发现的问题须及时报告'
        onChange={(problemsFound) => change((f) => ({ ...f, problemsFound }))}
      />
    </>
  );
}

