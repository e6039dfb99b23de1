import { messageIdOf, type InboxMessage } from '../../domain/inbox.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_ACTIVITY_CANCELLED = 'notifyActivityCancelled' satisfies ConsumerName;

/**
 * ActivityCancelled → each person signed up (a volunteer for themself, a guardian for a child) in their own inbox:
 * the activity's title and date, no child named. Once however often the event comes (the inbox's processed record).
 */
export function notifyActivityCancelled(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_ACTIVITY_CANCELLED, 'ActivityCancelled', async (event) => {
    if (event.detail.userIds.length === 0) return 'notApplicable';
    const activity = await ports.activities.get(event.detail.activityId);
    if (activity === null) return 'nothingToDo';
    const message: InboxMessage = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind: 'activityCancelled',
      childId: null,
      visitId: null,
      escalationId: null,
      digest: null,
      activity: { activityId: activity.id, title: activity.title, date: activity.date, time: activity.time },
      text: `${activity.date} ${activity.time} 的活动“${activity.title}”已取消`,
      readAt: null,
    };
    const receipt = { consumer: NOTIFY_ACTIVITY_CANCELLED, eventId: event.id, at: ports.clock() };
    const outcome = await ports.inbox.deliverOnce(receipt, event.detail.userIds.map((userId) => ({ owner: { kind: 'user' as const, userId }, message })));
    return outcome === 'delivered' ? 'acted' : 'duplicate';
  });
}
