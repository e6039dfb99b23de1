import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { EVENT_RULES } from '../../functions/src/events/rules.js';
import type { DataTable } from './data-table.js';
import { EventConsumerFunctions } from './event-consumer-functions.js';
import { OutboxRelayFunction } from './outbox-relay-function.js';

export interface ProductEventsProps {
  readonly data: DataTable;
}

/**
 * The product's events (ARCHITECTURE.md, "Use cases, events and jobs"): its own bus, the outbox relay that
 * publishes to it, and a rule with its consumer for each entry of rules.ts, the same list the local bus applies.
 */
export class ProductEvents extends Construct {
  readonly bus: EventBus;
  readonly relay: OutboxRelayFunction;
  readonly consumers: EventConsumerFunctions;

  constructor(scope: Construct, id: string, props: ProductEventsProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Shouhu domain events (ids only), published by the outbox relay' });
    this.relay = new OutboxRelayFunction(this, 'OutboxRelay', { data: props.data, bus: this.bus });
    this.consumers = new EventConsumerFunctions(this, 'Consumers', { data: props.data, bus: this.bus, rules: EVENT_RULES });
  }
}
