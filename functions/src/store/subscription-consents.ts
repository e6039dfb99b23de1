import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditionIndexes } from './aws-errors.js';
import { deliveryClaimPut, deliverySettleUpdate, readDeliveryClaim } from './channel-deliveries.js';
import type { ConsentAnswer, ConsentKind, SubscriptionConsent, SubscriptionConsents } from './event-ports.js';
import { CONSENT_PREFIX, consentKey, userKey } from './keys.js';
import { prefixQuery, queryItems } from './query-items.js';
import { sendTransaction, taggedTransaction, type TransactItems } from './transact.js';

/**
 * Consents to WeChat subscription messages, per user and template. The mini-program reports what
 * `wx.requestSubscribeMessage` answered; WeChat keeps the real count, so a 43101 at send time clears ours.
 */
const CHANNEL = 'wechatSubscribe';

function answerUpdate(tableName: string, userId: string, templateId: string, kind: ConsentKind, answer: ConsentAnswer, at: Date) {
  const names = { '#kind': 'kind', '#left': 'oneTimeLeft', '#longTerm': 'longTerm' };
  const base = {
    TableName: tableName,
    Key: consentKey(userId, templateId),
    ExpressionAttributeNames: names,
  };
  const common = 'entity = :entity, templateId = :templateId, #kind = :kind, updatedAt = :at';
  const values = { ':entity': 'consent', ':templateId': templateId, ':kind': kind, ':at': at.toISOString() };
  if (kind === 'oneTime') {
    // filter (the template was filtered out) and reject leave earlier one-time consents as they were.
    const added = answer === 'accept' ? 1 : 0;
    return {
      ...base,
      UpdateExpression: `SET ${common}, #longTerm = :false, #left = if_not_exists(#left, :zero) + :added`,
      ExpressionAttributeValues: { ...values, ':false': false, ':zero': 0, ':added': added },
    };
  }
  const on = answer === 'accept';
  return {
    ...base,
    UpdateExpression: `SET ${common}, #longTerm = :on, #left = :zero`,
    ExpressionAttributeValues: { ...values, ':on': on, ':zero': 0 },
  };
}

function consentOf(item: Record<string, unknown>): SubscriptionConsent {
  return {
    templateId: String(item.templateId),
    kind: item.kind as ConsentKind,
    oneTimeLeft: Number(item.oneTimeLeft ?? 0),
    longTerm: item.longTerm === true,
    updatedAt: String(item.updatedAt),
  };
}

export function createSubscriptionConsents(client: DynamoDBDocumentClient, tableName: string): SubscriptionConsents {
  const read = async (userId: string, templateId: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: consentKey(userId, templateId), ConsistentRead: true }));
    return Item === undefined ? null : consentOf(Item);
  };

  return {
    async record(userId, answers, at) {
      for (const { templateId, kind, answer } of answers) {
        await client.send(new UpdateCommand(answerUpdate(tableName, userId, templateId, kind, answer, at)));
      }
    },

    async list(userId) {
      const items = await queryItems(client, tableName, prefixQuery(userKey(userId).pk, CONSENT_PREFIX, { consistentRead: true }));
      return items.map(consentOf);
    },

    async claimSend({ deliveryId, userId, templateId, at }) {
      const consent = await read(userId, templateId);
      const consentUsed = consent?.longTerm ? 'longTerm' : 'oneTime';
      // The condition re-checks what was read, so two sends racing for the last one-time consent cannot both have it.
      const useConsent: TransactItems[number] =
        consentUsed === 'longTerm'
          ? { ConditionCheck: { TableName: tableName, Key: consentKey(userId, templateId), ConditionExpression: 'longTerm = :true', ExpressionAttributeValues: { ':true': true } } }
          : {
              Update: {
                TableName: tableName,
                Key: consentKey(userId, templateId),
                UpdateExpression: 'SET oneTimeLeft = oneTimeLeft - :one',
                ConditionExpression: 'oneTimeLeft >= :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            };
      const transaction = taggedTransaction<'claim' | 'consent'>([
        ['claim', [{ Put: deliveryClaimPut(tableName, { deliveryId, channel: CHANNEL, at, consentUsed }) }]],
        ['consent', [useConsent]],
      ]);
      try {
        await sendTransaction(client, transaction.items);
        return 'claimed';
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('claim')) return 'duplicate';
        if (failed.has('consent')) return 'noConsent';
        throw error;
      }
    },

    async settleSend({ deliveryId, userId, templateId, settlement, at }) {
      const claim = await readDeliveryClaim(client, tableName, deliveryId);
      if (claim === undefined || claim.state !== 'sending') return;
      const consentChange: TransactItems = [];
      if (settlement === 'refused') {
        consentChange.push({
          Update: {
            TableName: tableName,
            Key: consentKey(userId, templateId),
            UpdateExpression: 'SET oneTimeLeft = :zero, longTerm = :false, updatedAt = :at',
            ExpressionAttributeValues: { ':zero': 0, ':false': false, ':at': at.toISOString() },
          },
        });
      } else if (settlement === 'failed' && claim.consentUsed === 'oneTime') {
        // WeChat answered with an error, so it did not use the consent: give it back. Not after 'uncertain'.
        consentChange.push({
          Update: {
            TableName: tableName,
            Key: consentKey(userId, templateId),
            UpdateExpression: 'SET oneTimeLeft = oneTimeLeft + :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        });
      }
      try {
        await sendTransaction(client, [{ Update: deliverySettleUpdate(tableName, deliveryId, settlement, at) }, ...consentChange]);
      } catch (error) {
        // Settled meanwhile by a twin: its settlement stands.
        if (!failedConditionIndexes(error).includes(0)) throw error;
      }
    },
  };
}
