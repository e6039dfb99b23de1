/**
 * The single table's shape, shared by the CDK stack and by the local/test setup so they cannot drift.
 * Generic key attributes (ElectroDB style); what each entity puts in them is in keys.ts.
 */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLE_INDEXES = [
  // Children by district, then narrowed to a town or a village with begins_with on the sort key.
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  // Audit records by user; later: other second access patterns.
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
] as const;

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL: rate-limit windows. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const DEFAULT_TABLE_NAME = 'shouhu';
