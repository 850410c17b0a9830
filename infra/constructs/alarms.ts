import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** The item operations the skill performs; DynamoDB reports throttles and system errors per operation. */
const skillOperations = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
];

export interface SkillAlarmsProps {
  readonly fn: IFunction;
  readonly table: ITable;
  /** When given, alarms notify this address through an SNS topic (the address must confirm once). */
  readonly alarmEmail?: string;
  /** Alexa gives up after 8 s; a p99 above this leaves too little margin. */
  readonly p99DurationThreshold?: Duration;
}

/** Alarms on what a user would notice: failed, throttled or too slow answers, and a failing database. */
export class SkillAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic?: Topic;

  constructor(scope: Construct, id: string, props: SkillAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const atLeastOnce = (alarmId: string, description: string, metric: IMetric): Alarm =>
      this.add(alarmId, description, metric, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1);

    atLeastOnce(
      'FunctionErrors',
      'The skill function failed: the user heard an error or nothing.',
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

    if (props.alarmEmail) {
      // Carries alarm names only, never user data; CloudWatch cannot publish to a topic encrypted
      // with the AWS-managed SNS key, so it stays unencrypted (SSE would need a customer key).
      this.topic = new Topic(this, 'Topic', { displayName: 'Rug Coach alarms', enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      const action = new SnsAction(this.topic);
      for (const alarm of this.alarms) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
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
