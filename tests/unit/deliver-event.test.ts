import { describe, expect, it } from 'vitest';
import type { Consumer } from '../../functions/src/events/consumers/index.js';
import { deliverEvent, InvalidEventError } from '../../functions/src/events/deliver-event.js';
import { EVENT_SOURCE, newEvent, type DomainEvent } from '../../functions/src/events/domain-events.js';

/** The one way into a consumer: the delivered detail is validated with the union before the consumer sees it. */
const event = newEvent(
  'VisitDisputed',
  { childId: 'c1', visitId: 'v1', districtId: 'd1', townId: 't1' },
  { id: 'e1', occurredAt: new Date('2026-11-23T02:00:00.000Z'), actorId: 'u-1' },
);

function recording(): { consumer: Consumer; seen: DomainEvent[] } {
  const seen: DomainEvent[] = [];
  return { consumer: async (e) => (seen.push(e), 'acted'), seen };
}

const delivered = (detail: unknown, overrides: Record<string, string> = {}) => ({
  busEventId: 'eb-1',
  source: EVENT_SOURCE,
  detailType: 'VisitDisputed',
  detail,
  ...overrides,
});

describe('delivering an event to a consumer', () => {
  it('hands over the validated event and reports its id and the outcome', async () => {
    const { consumer, seen } = recording();

    expect(await deliverEvent(consumer, delivered(JSON.parse(JSON.stringify(event))))).toEqual({ eventId: 'e1', outcome: 'acted' });
    expect(seen).toEqual([event]);
  });

  it('refuses a detail carrying a name, naming the field and not its value, before the consumer runs', async () => {
    const { consumer, seen } = recording();
    const withName = { ...event, detail: { ...event.detail, name: '李小明' } };

    const refusal = await deliverEvent(consumer, delivered(withName)).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(InvalidEventError);
    expect((refusal as InvalidEventError).problems).toEqual(['detail.detail (unrecognized_keys)']);
    expect(JSON.stringify(refusal) + String((refusal as Error).message)).not.toContain('李小明');
    expect(seen).toEqual([]);
  });

  it.each([
    ['another source', delivered(event, { source: 'aws.events' }), ['source']],
    ['a detail-type that disagrees with the detail', delivered(event, { detailType: 'VisitConfirmed' }), ['detail-type']],
    ['no detail', delivered(undefined), ['detail (invalid_type)']],
  ])('refuses %s', async (_, delivery, problems) => {
    const { consumer, seen } = recording();

    await expect(deliverEvent(consumer, delivery)).rejects.toMatchObject({ name: 'InvalidEventError', problems });
    expect(seen).toEqual([]);
  });
});
