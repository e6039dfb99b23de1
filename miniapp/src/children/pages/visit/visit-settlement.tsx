import { Button, Text, View } from '@tarojs/components';
import type { VisitDetail } from '../../../api';
import { ChoiceChips } from '../../../components/choice-chips';
import { ErrorNotice } from '../../../components/states';
import { outcomeChoices, outcomeHintOf, settledByText, SETTLE_NOTE_LIMIT } from '../../../lib/dispute-settlement';
import { disputeOutcomeNames, labelOf } from '../../../lib/labels';
import { DraftNotice } from '../../../components/draft-notice';
import { TextSection } from '../../../components/form-section';
import { useSettleForm } from './use-settle-form';
import { VisitField, VisitSection } from './visit-field';

interface SettlementProps {
  visit: VisitDetail;
  userId: string;
  now: Date;
  onChanged: (visit: VisitDetail) => void;
}

/**
 * The supervisor's part of a disputed visit (issue 7, B2): the settlement once made, as every reader sees it; while
 * open, the form for the supervisor who may settle it, or a word that it is being looked into for everyone else.
 */
export function VisitSettlement({ visit, userId, now, onChanged }: SettlementProps) {
  if (visit.resolution) {
    return (
      <VisitSection title='督导员处理' id='visit-resolution'>
        <VisitField label='处理结果' id='visit-resolution-outcome' note={outcomeHintOf(visit.resolution.outcome)}>
          {labelOf(disputeOutcomeNames, visit.resolution.outcome)}
        </VisitField>
        <VisitField label='处理说明' id='visit-resolution-note'>
          {visit.resolution.note}
        </VisitField>
        <VisitField label='处理人'>{settledByText(visit, now)}</VisitField>
      </VisitSection>
    );
  }
  if (visit.actions.settle) return <SettleForm visit={visit} userId={userId} onChanged={onChanged} />;
  if (visit.confirmation.state !== 'disputed') return null;
  return (
    <VisitSection title='督导员处理' id='visit-resolution'>
      <VisitField label='处理结果'>儿童督导员正在核实，处理后会通知您。</VisitField>
    </VisitSection>
  );
}

function SettleForm({ visit, userId, onChanged }: Omit<SettlementProps, 'now'>) {
  const settle = useSettleForm(visit, userId, onChanged);
  const hint = outcomeHintOf(settle.form.outcome);
  return (
    <View className='settle-form' id='settle-form'>
      <Text className='section-title'>处理监护人的异议</Text>
      {settle.restoredFrom ? <DraftNotice savedAt={settle.restoredFrom} onDiscard={settle.discard} /> : null}
      <View className='visit-section settle-form__outcomes'>
        <Text className='settle-form__label'>核实后的结果</Text>
        <ChoiceChips
          idPrefix='outcome'
          choices={outcomeChoices}
          selected={settle.form.outcome ? [settle.form.outcome] : []}
          onToggle={(outcome) => settle.change((form) => ({ ...form, outcome }))}
        />
        {hint ? (
          <Text className='form-hint' id='outcome-hint'>
            {hint}
          </Text>
        ) : null}
      </View>
      <TextSection
        title='处理说明（监护人和社工都能看到）'
        id='settle-note'
        value={settle.form.note}
        limit={SETTLE_NOTE_LIMIT}
        placeholder='写明核实了什么、怎样核实的，或安排了谁何时再去'
        onChange={(note) => settle.change((form) => ({ ...form, note }))}
      />
      {settle.problem ? <Text className='form-error settle-form__problem'>{settle.problem}</Text> : null}
      {settle.error ? <ErrorNotice error={settle.error} /> : null}
      <View className='visit-actions'>
        <Button
          className='button button--primary'
          id='settle-submit'
          // Only ever `true` or absent: Taro's H5 button greys out on disabled="false" too.
          disabled={settle.sending || undefined}
          onClick={() => void settle.submit()}
        >
          {settle.sending ? '提交中…' : '提交处理结果'}
        </Button>
        <Text className='group-footer visit-actions__note'>未提交的内容会保存在手机上，离开页面后再回来可以继续填写。</Text>
      </View>
    </View>
  );
}
