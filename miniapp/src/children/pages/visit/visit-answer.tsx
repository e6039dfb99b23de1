import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type VisitDetail } from '../../../api';
import { formatDateTime } from '../../../lib/beijing-time';
import { joinNames } from '../../../lib/format';
import { disputeReasonNames, labelOf } from '../../../lib/labels';
import { isWithdrawn } from '../../../lib/visit-history';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { answerStateTexts } from './visit-facts';
import { VisitField, VisitSection } from './visit-field';

/**
 * The guardian's answer: waiting, confirmed, or disputed with the reasons and the guardian's words. The guardian,
 * while it waits, answers here as on the home page: 确认来访, or 有异议 on the dispute page.
 */
export function VisitAnswer({ visit, now, onAnswered }: { visit: VisitDetail; now: Date; onAnswered: () => void }) {
  const { confirmation } = visit;
  // A withdrawn visit asks nobody for an answer: one still waiting is said to need none.
  const state = isWithdrawn(visit) && confirmation.state === 'pending' ? '记录已撤回，不需要监护人确认' : answerStateTexts[confirmation.state];
  const answeredBy = confirmation.byUserId ? visit.names[confirmation.byUserId] || '监护人' : null;
  return (
    <VisitSection title='监护人确认' id='visit-answer'>
      <VisitField label='确认情况' id='visit-answer-state'>
        {state}
      </VisitField>
      {answeredBy && confirmation.at ? (
        <VisitField label={confirmation.state === 'disputed' ? '提出异议' : '确认人'}>
          {answeredBy} · {formatDateTime(confirmation.at, now)}
        </VisitField>
      ) : null}
      {confirmation.state === 'disputed' ? (
        <VisitField label='异议原因' id='visit-dispute-reasons'>
          {joinNames(confirmation.reasons.map((reason) => labelOf(disputeReasonNames, reason)))}
        </VisitField>
      ) : null}
      {confirmation.state === 'disputed' && confirmation.note ? (
        <VisitField label='监护人的说明' id='visit-dispute-note'>
          {confirmation.note}
        </VisitField>
      ) : null}
      {visit.actions.answer ? <GuardianAnswerButtons visit={visit} onAnswered={onAnswered} /> : null}
    </VisitSection>
  );
}

function GuardianAnswerButtons({ visit, onAnswered }: { visit: VisitDetail; onAnswered: () => void }) {
  const [sending, setSending] = useState(false);

  async function confirm() {
    if (sending) return;
    setSending(true);
    try {
      await api.confirmVisit(visit.childId, visit.id, { decision: 'confirm', reasons: [], note: '', version: visit.version });
      void Taro.showToast({ title: '已确认', icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '确认没有成功', content: asApiError(e).message, showCancel: false });
    } finally {
      setSending(false);
      onAnswered();
    }
  }

  // Kept at the foot of the screen while the guardian reads the visit above: the answer is what they came for.
  return (
    <View className='visit-answer-bar' id='visit-answer-bar'>
      <Text className='visit-answer__hint'>请核对来访情况后确认，确认代替在《关爱手册》上签字。</Text>
      <View className='visit-buttons'>
        <Button
          className={`button button--primary${sending ? ' button--busy' : ''}`}
          id='visit-confirm'
          disabled={sending || undefined}
          onClick={() => void confirm()}
        >
          {sending ? '提交中…' : '确认来访'}
        </Button>
        <Button
          className='button button--default'
          id='visit-dispute'
          onClick={() => void Taro.navigateTo({ url: routes.dispute(visit.childId, visit.id) })}
        >
          有异议
        </Button>
      </View>
    </View>
  );
}
