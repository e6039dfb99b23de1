import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';

/** For each entry of a request, in order: null to accept it, or the ErrorCode to refuse it with. */
export type PutEventsAnswer = Error | (string | null)[];

/**
 * EventBridge has no local engine (STACK-NOTES.md): a real client whose PutEvents answers come from `answer`, which
 * sees the event ids of each request and its number (1, 2, …), so a test can refuse some entries or throw.
 * Every entry accepted is counted by its event id, across all requests.
 */
export function fakeEventBridge(answer: (eventIds: string[], request: number) => PutEventsAnswer = (ids) => ids.map(() => null)) {
  const client = new EventBridgeClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  const accepted: string[] = [];
  const requests: { eventIds: string[]; entries: NonNullable<PutEventsCommandInput['Entries']> }[] = [];
  let answerOf = answer;
  mock.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    const entries = input.Entries ?? [];
    const eventIds = entries.map((entry) => (JSON.parse(entry.Detail ?? '{}') as { id: string }).id);
    requests.push({ eventIds, entries });
    const decision = answerOf(eventIds, requests.length);
    if (decision instanceof Error) throw decision;
    const results = eventIds.map((id, index) => {
      const errorCode = decision[index];
      if (errorCode) return { ErrorCode: errorCode, ErrorMessage: 'refused by the test' };
      accepted.push(id);
      return { EventId: `eb-${accepted.length}` };
    });
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  });
  return {
    client,
    accepted,
    requests,
    /** How many times each event id was accepted. */
    acceptedCounts: () => accepted.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string, number>()),
    answerWith: (next: typeof answer) => void (answerOf = next),
  };
}

/** What an AWS service error looks like when the whole request fails. */
export function serviceUnavailable(): Error {
  return Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailableException', $fault: 'server' });
}
