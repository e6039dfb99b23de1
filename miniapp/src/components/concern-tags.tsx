import type { ConcernStatus } from '../api';
import { Tag, type TagTone } from './tag';
import { statusText } from '../lib/concern-words';

const statusTones: Record<ConcernStatus, TagTone> = {
  received: 'yellow',
  acknowledged: 'neutral',
  investigating: 'neutral',
  assessed: 'neutral',
  assisting: 'neutral',
  referred: 'neutral',
  closed: 'grey',
};

/** A report's status in words (已收到, 已受理, …), toned so that what nobody has taken in yet stands out. */
export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  return (
    <Tag tone={statusTones[status] ?? 'neutral'} className={`concern-status concern-status--${status}`}>
      {statusText(status)}
    </Tag>
  );
}

/** 紧急, in red: a child reported in danger now. */
export function UrgentTag() {
  return (
    <Tag tone='red' className='urgent-tag'>
      紧急
    </Tag>
  );
}
