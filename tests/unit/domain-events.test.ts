import { describe, expect, it } from 'vitest';
import { domainEventSchema, newEvent } from '../../functions/src/events/domain-events.js';
import { outboxItem } from '../../functions/src/store/outbox-items.js';

/**
 * The issue: ids only in an event, no names, ID numbers or phone numbers, so the bus, a dead-letter queue or a log
 * that holds one holds no personal data. The union is strict at every level, so a field added by mistake is refused.
 */
const valid = {
  id: 'e1',
  version: 1,
  occurredAt: '2026-11-23T02:00:00.000Z',
  actorId: 'u-1',
  detailType: 'VisitDisputed',
  detail: { childId: 'c1', visitId: 'v1', districtId: 'd1', townId: 't1' },
};

describe('a domain event', () => {
  it('is accepted with ids only', () => {
    expect(domainEventSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a name in the detail', { ...valid, detail: { ...valid.detail, name: '李小明' } }],
    ['a phone number in the detail', { ...valid, detail: { ...valid.detail, phone: '13800001111' } }],
    ['an ID number in the detail', { ...valid, detail: { ...valid.detail, idNumber: '310117201605011234' } }],
    ['a name beside the envelope', { ...valid, name: '李小明' }],
    ['free text as a note', { ...valid, detail: { ...valid.detail, note: '那天家里没人' } }],
  ])('is refused with %s', (_, event) => {
    expect(domainEventSchema.safeParse(event).success).toBe(false);
  });

  it('is refused when an id is not an id (a name written where an id goes)', () => {
    expect(domainEventSchema.safeParse({ ...valid, detail: { ...valid.detail, childId: '李小明' } }).success).toBe(false);
  });

  it('cannot be made or written to the outbox with a name in it', () => {
    const detail = { ...valid.detail, name: '李小明' } as typeof valid.detail;
    expect(() => newEvent('VisitDisputed', detail, { id: 'e1', occurredAt: new Date(valid.occurredAt), actorId: 'u-1' })).toThrow();
    expect(() => outboxItem({ ...valid, detail } as never)).toThrow();
  });
});
