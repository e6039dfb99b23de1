import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_INDEXES, TABLE_KEY, TTL_ATTRIBUTE } from '../../functions/src/store/table-definition.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

describe('the data table in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
  });
  afterAll(() => synthesized?.cleanUp());

  it('is the only table, keyed as table-definition.ts says', () => {
    synthesized.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
      ],
    });
  });

  it('has exactly the secondary indexes of table-definition.ts, projecting all attributes', () => {
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('declares every key attribute as a string and no other attribute', () => {
    const keyNames = [
      TABLE_KEY.partitionKey,
      TABLE_KEY.sortKey,
      ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    const [table] = Object.values(synthesized.template.findResources('AWS::DynamoDB::Table'));
    const definitions = table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];

    expect(definitions.map((d) => d.AttributeName).sort()).toEqual([...keyNames].sort());
    expect(new Set(definitions.map((d) => d.AttributeType))).toEqual(new Set(['S']));
  });

  it('bills on demand, keeps point-in-time recovery and deletion protection on, and expires items by TTL', () => {
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      ProvisionedThroughput: Match.absent(),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('is encrypted with the AWS-managed KMS key', () => {
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
    });
  });

  it('is retained when the stack is deleted or the table would be replaced', () => {
    synthesized.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});
