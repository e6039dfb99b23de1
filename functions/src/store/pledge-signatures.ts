import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../domain/errors.js';
import { pledgeSignatureSchema } from '../domain/pledge.js';
import { userSchema } from '../domain/user.js';
import { failedConditionIndexes } from './aws-errors.js';
import { pledgeSignatureKey, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import type { PledgeSignatures } from './pledge-signature-ports.js';
import { putIfVersion, sendTransaction } from './transact.js';
import { userItem } from './user-repository.js';

const SIGNATURE_ACTION = 0;
const USER_ACTION = 1;

/**
 * R8's signature records. There is no update path: the record is put once under `attribute_not_exists`, together with
 * the user's signed version and the `PledgeSigned` event, so the three exist together or not at all.
 */
export function createPledgeSignatures(client: DynamoDBDocumentClient, tableName: string): PledgeSignatures {
  return {
    async get(userId, version) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: pledgeSignatureKey(userId, version), ConsistentRead: true }));
      if (!Item) return null;
      // A field changed to the wrong type must reach the reader as a tampered record, not fail as a 500 here.
      const parsed = pledgeSignatureSchema.safeParse(stripKeys(Item));
      return parsed.success ? { wellFormed: true, signature: parsed.data } : { wellFormed: false };
    },

    async sign({ signature, user, events }) {
      const record = pledgeSignatureSchema.parse(signature);
      const stored = userSchema.parse(user);
      try {
        await sendTransaction(client, [
          {
            Put: {
              TableName: tableName,
              Item: { ...pledgeSignatureKey(record.userId, record.version), entity: 'pledgeSignature', ...record },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          putIfVersion(tableName, userItem(stored), stored.version - 1),
          ...outboxPuts(tableName, events),
        ]);
        return 'signed';
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed.includes(SIGNATURE_ACTION)) return 'alreadySigned';
        if (failed.includes(USER_ACTION)) throw new VersionConflictError('账号信息已变更，请刷新后重试', 'version');
        throw error;
      }
    },
  };
}
