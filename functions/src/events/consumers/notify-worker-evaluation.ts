import { messageIdOf, type InboxMessage } from '../../domain/inbox.js';
import { evaluationPublishedText, reviewDecidedText } from '../../notify/evaluation-messages.js';
import type { EventOf } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOfEach, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_WORKER_EVALUATION = 'notifyWorkerEvaluation' satisfies ConsumerName;

/**
 * R23: the worker graded reads their grade, and later the review's outcome, in their own inbox, once however often
 * the event comes (the inbox's processed record).
 */
export function notifyWorkerEvaluation(ports: ConsumerPorts): Consumer {
  async function deliver(event: EventOf<'WorkerEvaluationPublished' | 'EvaluationReviewDecided'>, kind: InboxMessage['kind'], text: string) {
    const message: InboxMessage = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind,
      childId: null,
      visitId: null,
      escalationId: null,
      digest: null,
      text,
      readAt: null,
    };
    const receipt = { consumer: NOTIFY_WORKER_EVALUATION, eventId: event.id, at: ports.clock() };
    const outcome = await ports.inbox.deliverOnce(receipt, [{ owner: { kind: 'user' as const, userId: event.detail.workerId }, message }]);
    return outcome === 'delivered' ? ('acted' as const) : ('duplicate' as const);
  }

  return consumerOfEach(NOTIFY_WORKER_EVALUATION, {
    WorkerEvaluationPublished: (event) => deliver(event, 'evaluationPublished', evaluationPublishedText(event.detail.year, event.detail.grade)),
    EvaluationReviewDecided: (event) =>
      deliver(event, 'evaluationReviewDecided', reviewDecidedText(event.detail.year, event.detail.outcome, event.detail.grade)),
  });
}
