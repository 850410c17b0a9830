import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { lambdaBundle, repoRoot } from '../bundling.js';
import { nodejsBundling } from './skill-function.js';

export interface StateQueueProps {
  /** The users' state table: the consumer reads and writes its items, as the skill does. */
  readonly table: ITable;
  /**
   * How often SQS delivers a job before it moves to the dead-letter queue. With the visibility
   * timeout of 6 minutes: about a day of retries, longer than DynamoDB has ever been down in a region.
   * @default 240
   */
  readonly maxReceiveCount?: number;
}

/** One job may take 5 s (state/state-jobs.ts); a batch of 10 fits well within this. */
const consumerTimeout = Duration.seconds(60);

/**
 * The durable retry for what DynamoDB did not take during a turn: a deletion ("wis mijn gegevens",
 * a disabled skill) or a session's last save. The skill sends the job to an SQS queue; a second function
 * from the same bundle (`stateJobs`) consumes it through Lambda's SQS event source and reports the jobs
 * DynamoDB refused, which SQS delivers again after the visibility timeout. After `maxReceiveCount`
 * deliveries a job moves to the dead-letter queue (kept 14 days, alarmed), from where it can be
 * redriven. Messages are encrypted (SQS-managed keys) and only accepted over TLS.
 */
export class StateQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly consumer: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: StateQueueProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // SQS's maximum: a job is retried for as long as SQS can keep it.
      retentionPeriod: Duration.days(14),
      // AWS advises at least six times the consumer's timeout, so a slow batch is not delivered twice.
      // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.maxReceiveCount ?? 240 },
    });

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Rug Coach state queue consumer: its log group, the queue and the user table',
    });
    this.logGroup.grantWrite(role);
    this.consumer = new NodejsFunction(this, 'Consumer', {
      role,
      entry: path.join(repoRoot, lambdaBundle.entry),
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      // The same bundle as the skill's function; this export consumes the queue.
      handler: 'stateJobs',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: consumerTimeout,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { TABLE_NAME: props.table.tableName },
      bundling: nodejsBundling,
      description: 'Rug Coach: writes the deletions and saves DynamoDB did not take during a turn',
    });
    props.table.grant(this.consumer, 'dynamodb:GetItem', 'dynamodb:PutItem');
    this.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // Two at a time (the least SQS allows): a backlog after an outage drains next to the skill's
        // own traffic instead of competing with it for the table.
        maxConcurrency: 2,
      }),
    );
  }
}
