import type { EscalationStatus } from '../api';
import { caseStatusText } from '../lib/escalation-words';
import { Tag, type TagTone } from './tag';

const statusTones: Record<EscalationStatus, TagTone> = {
  raised: 'yellow',
  acknowledged: 'neutral',
  resolved: 'grey',
};

/** A difficult case's status at its level in words (待受理, 已受理, 已解决), toned so that what waits stands out. */
export function CaseStatusTag({ status }: { status: EscalationStatus }) {
  return (
    <Tag tone={statusTones[status] ?? 'neutral'} className={`case-status case-status--${status}`}>
      {caseStatusText(status)}
    </Tag>
  );
}

/** A level let its deadline pass: red, and said in words so colour is not the only sign. */
export function OverdueTag() {
  return (
    <Tag tone='red' className='overdue-tag'>
      超时未受理
    </Tag>
  );
}
