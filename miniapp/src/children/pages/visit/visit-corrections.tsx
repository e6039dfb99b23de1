import { Button, Text, View } from '@tarojs/components';
import type { VisitDetail } from '../../../api';
import { RuleText } from '../../../components/rule-text';
import { formatDateTime } from '../../../lib/beijing-time';
import { firstValuesOf, historyOf } from '../../../lib/visit-history';
import { VisitField, VisitSection } from './visit-field';

/**
 * Corrections and the withdrawal, oldest first (issue 7, B3): what changed, by whom, when and why, and the values
 * first recorded for whatever was changed, kept visible as history (for staff; a guardian is told only that and
 * when the fields they see were changed).
 */
export function VisitCorrections({ visit, now }: { visit: VisitDetail; now: Date }) {
  const history = historyOf(visit, now);
  if (history.length === 0) return null;
  const firstValues = firstValuesOf(visit, now);
  return (
    <VisitSection title='更正记录' id='visit-corrections'>
      {history.map((entry, index) => (
        <View key={index} className={`visit-history__entry visit-history__entry--${entry.kind}`}>
          <Text className='visit-history__what'>{entry.what}</Text>
          <Text className='visit-history__by'>{entry.byWhen}</Text>
          {entry.reason ? <Text className='visit-history__reason'>原因：{entry.reason}</Text> : null}
        </View>
      ))}
      {firstValues.length > 0 ? (
        <View className='visit-history__first' id='visit-first-values'>
          <Text className='visit-history__first-title'>原始记录（更正前）</Text>
          {firstValues.map((value) => (
            <VisitField key={value.field} label={value.label}>
              {value.field === 'r3' ? <RuleText text={value.value} /> : value.value}
            </VisitField>
          ))}
        </View>
      ) : null}
    </VisitSection>
  );
}

/** The author's way to correct or withdraw their check-in, and until when it is open. */
export function VisitAmendActions({ visit, now, onCorrect, onWithdraw }: {
  visit: VisitDetail;
  now: Date;
  onCorrect: () => void;
  onWithdraw: () => void;
}) {
  if (!visit.actions.amend) return null;
  return (
    <View className='visit-amend' id='visit-amend'>
      <Text className='section-title'>登记有误？</Text>
      <View className='visit-section'>
        <Text className='visit-amend__until' id='visit-amend-until'>
          {visit.actions.amendUntil ? `${formatDateTime(visit.actions.amendUntil, now)} 前可以更正或撤回这条记录。` : ''}
          原记录会保留，更正和撤回都要写明原因。
        </Text>
        <View className='visit-buttons'>
          <Button className='button button--default' id='visit-correct' onClick={onCorrect}>
            更正记录
          </Button>
          <Button className='button button--warn' id='visit-withdraw' onClick={onWithdraw}>
            撤回记录
          </Button>
        </View>
      </View>
    </View>
  );
}
