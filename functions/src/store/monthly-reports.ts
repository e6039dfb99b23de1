import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monthlyReportSchema, type MonthlyReport } from '../domain/monthly-report.js';
import { GSI1, MONTHLY_REPORT_PREFIX, monthlyReportKey, monthlyReportPartsPartition, stripKeys } from './keys.js';
import type { MonthlyReports } from './monthly-report-ports.js';
import { prefixQuery, queryItems } from './query-items.js';

function reportFromItem(item: Record<string, unknown>): MonthlyReport {
  return monthlyReportSchema.parse(stripKeys(item));
}

export function createMonthlyReports(client: DynamoDBDocumentClient, tableName: string): MonthlyReports {
  return {
    async put(report) {
      const valid = monthlyReportSchema.parse(report);
      const parts = valid.parentId === null ? {} : { gsi1pk: monthlyReportPartsPartition(valid.parentId, valid.month), gsi1sk: valid.regionId };
      await client.send(new PutCommand({ TableName: tableName, Item: { ...monthlyReportKey(valid.regionId, valid.month), ...parts, entity: 'monthlyReport', ...valid } }));
    },

    async get(regionId, month) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: monthlyReportKey(regionId, month), ConsistentRead: true }));
      return Item ? reportFromItem(Item) : null;
    },

    async listParts(parentId, month) {
      const items = await queryItems(client, tableName, prefixQuery(monthlyReportPartsPartition(parentId, month), '', { index: GSI1 }));
      return items.map(reportFromItem);
    },

    async listMonths(regionId, from, to) {
      const { pk } = monthlyReportKey(regionId, from);
      const items = await queryItems(client, tableName, {
        keyCondition: '#pk = :pk AND #sk BETWEEN :from AND :to',
        names: { '#pk': 'pk', '#sk': 'sk' },
        values: { ':pk': pk, ':from': `${MONTHLY_REPORT_PREFIX}${from}`, ':to': `${MONTHLY_REPORT_PREFIX}${to}` },
        consistentRead: true,
      });
      return items.map(reportFromItem);
    },
  };
}
