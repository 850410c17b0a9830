import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { userTable } from '../../lambda/src/state/table-schema.js';

/**
 * Days of continuous backups (point-in-time recovery). The backups keep a deleted user's data this long
 * after the deletion, so it is short: long enough to undo an operator's mistake noticed within the week.
 * The privacy policy and SECURITY.md tell users this figure; tests hold them together.
 */
export const pointInTimeRecoveryDays = 7;

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

export interface UserTableProps {
  /** Keep the table (and its data) when the stack is deleted. Production: true. */
  readonly retain?: boolean;
  /**
   * Days of point-in-time recovery.
   * @default pointInTimeRecoveryDays
   */
  readonly recoveryDays?: number;
}

/** The users' routine state: one item per Alexa user, keyed and expired as lambda/src/state/table-schema.ts says. */
export class UserTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: UserTableProps = {}) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.table = new Table(this, 'Table', {
      partitionKey: {
        name: userTable.partitionKey.name,
        type: attributeTypes[userTable.partitionKey.type],
      },
      timeToLiveAttribute: userTable.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: props.recoveryDays ?? pointInTimeRecoveryDays,
      },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
