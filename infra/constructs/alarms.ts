import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The item operations the skill performs; DynamoDB reports throttles and system errors per operation. */
const skillOperations = [Operation.GET_ITEM, Operation.PUT_ITEM];

/** The namespace of the metrics counted from the logs. */
export const logMetricsNamespace = 'RugCoach';

/**
 * The failures the code handles and logs (log.ts messages), counted from the logs and alarmed: each
 * one means a user's data waits for a retry, or was lost. `threshold` is per 5 minutes.
 */
export const loggedFailures = [
  {
    message: 'user data not deleted',
    metric: 'DeletionsNotDone',
    threshold: 1,
    why: 'A deletion did not reach DynamoDB in its turn; the state queue retries it.',
  },
  {
    message: 'user data deletion not queued',
    metric: 'DeletionsLost',
    threshold: 1,
    why: 'A deletion reached neither DynamoDB nor the state queue: the user was told, or the event failed.',
  },
  {
    message: 'user state not saved',
    metric: 'StateNotSaved',
    threshold: 5,
    why: 'Saves are failing; the session or the state queue keeps them for a later try.',
  },
  {
    message: 'user state lost',
    metric: 'StateLost',
    threshold: 1,
    why: 'A session ended with a save that reached neither DynamoDB nor the state queue.',
  },
  {
    message: 'state job unreadable',
    metric: 'StateJobsUnreadable',
    threshold: 1,
    why: 'The state queue held a message its consumer cannot read; it was dropped.',
  },
] as const;

export interface SkillAlarmsProps {
  readonly fn: IFunction;
  /** The log groups whose handled failures are counted: the skill's and the queue consumer's. */
  readonly logGroups: readonly ILogGroup[];
  readonly table: ITable;
  readonly stateQueue: IQueue;
  readonly deadLetters: IQueue;
  readonly consumer: IFunction;
  /** When given, the alarm topic also mails this address (which must confirm once). */
  readonly alarmEmail?: string;
  /** Alexa gives up after 8 s; a p99 above this leaves too little margin. */
  readonly p99DurationThreshold?: Duration;
  /**
   * A job older than this in the state queue alarms: a deletion is waiting too long.
   * @default 15 minutes
   */
  readonly maxJobAge?: Duration;
}

/**
 * Alarms on what a user would notice, or what a user's data is waiting for: failed, throttled or too slow
 * answers, a failing database, handled failures counted from the logs, and a state queue that does not
 * drain. Every alarm notifies the stack's alarm topic (subscribe to it, or give `alarmEmail`).
 */
export class SkillAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: SkillAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const atLeastOnce = (alarmId: string, description: string, metric: IMetric): Alarm =>
      this.add(alarmId, description, metric, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1);

    atLeastOnce(
      'FunctionErrors',
      'The skill function failed: the user heard an error or nothing, or a deletion was neither done nor queued.',
      props.fn.metricErrors({ period, statistic: 'Sum' }),
    );
    atLeastOnce(
      'FunctionThrottles',
      'The skill function was throttled: the user got no answer.',
      props.fn.metricThrottles({ period, statistic: 'Sum' }),
    );
    const threshold = props.p99DurationThreshold ?? Duration.seconds(6);
    this.add(
      'FunctionSlow',
      `p99 duration above ${threshold.toSeconds()} s, close to Alexa's 8 s deadline.`,
      props.fn.metricDuration({ period, statistic: 'p99' }),
      threshold.toMilliseconds(),
      ComparisonOperator.GREATER_THAN_THRESHOLD,
      2,
    );
    atLeastOnce(
      'TableThrottles',
      'DynamoDB throttled requests of the skill: state may not be loaded or saved.',
      props.table.metricThrottledRequestsForOperations({ operations: skillOperations, period }),
    );
    atLeastOnce(
      'TableSystemErrors',
      'DynamoDB returned system errors to the skill: state may not be loaded or saved.',
      props.table.metricSystemErrorsForOperations({ operations: skillOperations, period }),
    );

    for (const failure of loggedFailures) {
      for (const [index, logGroup] of props.logGroups.entries()) {
        new MetricFilter(this, `${failure.metric}Filter${index}`, {
          logGroup,
          // A phrase in double quotes matches it anywhere in the line, whether Lambda's JSON log format
          // keeps the skill's JSON line as a string or as an object.
          filterPattern: FilterPattern.allTerms(failure.message),
          metricNamespace: logMetricsNamespace,
          metricName: failure.metric,
          metricValue: '1',
          defaultValue: 0,
        });
      }
      this.add(
        failure.metric,
        `"${failure.message}" logged: ${failure.why}`,
        new Metric({ namespace: logMetricsNamespace, metricName: failure.metric, period, statistic: 'Sum' }),
        failure.threshold,
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        1,
      );
    }

    const maxAge = props.maxJobAge ?? Duration.minutes(15);
    this.add(
      'StateJobWaiting',
      `A deletion or save has waited more than ${maxAge.toMinutes()} minutes in the state queue: DynamoDB keeps refusing it.`,
      props.stateQueue.metricApproximateAgeOfOldestMessage({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      maxAge.toSeconds(),
      ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      1,
    );
    atLeastOnce(
      'StateJobsDeadLettered',
      'A deletion or save was given up on after a day of retries: redrive the dead-letter queue once DynamoDB is fine.',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
    );
    atLeastOnce(
      'StateConsumerErrors',
      'The state queue consumer failed as a whole: its jobs come back until they move to the dead-letter queue.',
      props.consumer.metricErrors({ period, statistic: 'Sum' }),
    );

    // Carries alarm names only, never user data; CloudWatch cannot publish to a topic encrypted
    // with the AWS-managed SNS key, so it stays unencrypted (SSE would need a customer key).
    this.topic = new Topic(this, 'Topic', { displayName: 'Rug Coach alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private add(
    id: string,
    description: string,
    metric: IMetric,
    threshold: number,
    comparisonOperator: ComparisonOperator,
    evaluationPeriods: number,
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      comparisonOperator,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      alarmDescription: description,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    return alarm;
  }
}
