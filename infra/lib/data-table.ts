import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEY, TTL_ATTRIBUTE } from '../../functions/src/store/table-definition.js';

/**
 * The one DynamoDB table. Its keys and indexes come from table-definition.ts, the same definition the local server
 * and the tests create their tables from, so cloud and local cannot drift.
 *
 * `Table` (AWS::DynamoDB::Table) rather than `TableV2` (AWS::DynamoDB::GlobalTable): the data stays in one region,
 * and switching resource types later would replace the table.
 */
export class DataTable extends Construct {
  readonly table: ITable;
  /** ARNs of the table's secondary indexes by name, for grants that name each index instead of `index/*`. */
  readonly indexArns: readonly string[];

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Children's records: a stack deletion or a replacement must never take the data with it.
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // Feeds the outbox relay (product-events.ts): the new image of an outbox item is the event to publish. The
      // relay's event source mapping filters the stream to outbox inserts, so nothing else reaches the function.
      stream: StreamViewType.NEW_IMAGE,
    });

    for (const index of TABLE_INDEXES) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    this.table = table;
    this.indexArns = TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.indexName}`);
  }
}
