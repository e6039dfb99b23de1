import type { Visit } from '../api';
import { resolutionText } from '../lib/dispute-settlement';
import { isWithdrawn } from '../lib/visit-history';
import { Tag, type TagTone } from './tag';

const confirmationTones: Record<Visit['confirmation']['state'], TagTone> = {
  pending: 'yellow',
  confirmed: 'primary',
  disputed: 'red',
};

/**
 * Where a visit stands, in tags of words: the guardian's answer (or that the visit was withdrawn, which asks for
 * none) and the supervisor's settlement of a dispute. `answerText` is the answer as the place has room to say it.
 */
export function VisitStateTags({ visit, answerText }: { visit: Pick<Visit, 'confirmation' | 'resolution' | 'corrections'>; answerText: string }) {
  const state = visit.confirmation.state;
  return (
    <>
      {isWithdrawn(visit) ? (
        <Tag tone='grey' className='withdrawn-tag'>
          已撤回
        </Tag>
      ) : (
        <Tag tone={confirmationTones[state]} className={`confirmation-tag confirmation--${state}`}>
          {answerText}
        </Tag>
      )}
      {visit.resolution ? (
        <Tag tone='neutral' className='resolution-tag'>
          {resolutionText(visit.resolution)}
        </Tag>
      ) : null}
    </>
  );
}
