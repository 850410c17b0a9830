import path from 'node:path';
import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alexaServicePrincipal, functionTimeoutSeconds } from '../../lambda/src/alexa-platform.js';
import { lambdaBundle, repoRoot } from '../bundling.js';

/** How long the function's logs are kept; the privacy policy tells users this figure. */
export const logRetention = RetentionDays.ONE_MONTH;

/** The ONE bundle description (infra/bundling.ts), in the words NodejsFunction understands. */
export const nodejsBundling: BundlingOptions = {
  format: OutputFormat.CJS,
  target: lambdaBundle.target,
  minify: lambdaBundle.minify,
  sourceMap: true,
  sourceMapMode: SourceMapMode.EXTERNAL,
  sourcesContent: lambdaBundle.sourcesContent,
  mainFields: [...lambdaBundle.mainFields],
  externalModules: [...lambdaBundle.external],
  bundleAwsSDK: true,
  keepNames: lambdaBundle.keepNames,
  esbuildArgs: {
    '--legal-comments': lambdaBundle.legalComments,
    // NodejsFunction has no `alias` option; esbuild's own flag carries the same alias.
    ...Object.fromEntries(
      Object.entries(lambdaBundle.alias).map(([from, to]) => [`--alias:${from}`, path.resolve(repoRoot, to)]),
    ),
  },
  // Local esbuild (a devDependency) bundles; no Docker engine is needed to synthesize.
  forceDockerBundling: false,
};

export interface SkillFunctionProps {
  /** The users' state table; the function gets exactly the item operations it uses on it. */
  readonly table: ITable;
  /** The state queue: what DynamoDB does not take during a turn goes there (STATE_QUEUE_URL). */
  readonly stateQueue: IQueue;
  /**
   * Executions reserved for the function: see `defaultReservedConcurrency` in rug-coach-stack.ts for why.
   * @default none reserved
   */
  readonly reservedConcurrency?: number;
  /** The Alexa skill ID allowed to invoke the function; the handler refuses any other. */
  readonly skillId: string;
  /** Memory in MB (CPU scales with it); tuned with `npm run bench`. */
  readonly memorySize: number;
  /**
   * Alexa waits 8 s for an answer; past that a slower answer is useless.
   * @default functionTimeoutSeconds (lambda/src/alexa-platform.ts)
   */
  readonly timeout?: Duration;
  readonly logRetention?: RetentionDays;
}

/** The skill's Lambda: the bundled lambda/src/index.ts, invocable by one Alexa skill only. */
export class SkillFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SkillFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Its own role instead of AWSLambdaBasicExecutionRole: write to this log group only, no logs:* on *.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Rug Coach skill function: its log group and the user table, nothing else',
    });
    this.logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      role,
      entry: path.join(repoRoot, lambdaBundle.entry),
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout ?? Duration.seconds(functionTimeoutSeconds),
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      // No NODE_OPTIONS=--enable-source-maps: it slows every cold start and stack trace noticeably.
      environment: {
        TABLE_NAME: props.table.tableName,
        SKILL_ID: props.skillId,
        STATE_QUEUE_URL: props.stateQueue.queueUrl,
        // The key that seals session attributes (state/session-attributes.ts): the stack's own random id,
        // the same for every instance and deploy of this stack, never sent to Alexa.
        SESSION_KEY: Fn.select(2, Fn.split('/', Aws.STACK_ID)),
      },
      ...(props.reservedConcurrency !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrency }
        : {}),
      bundling: nodejsBundling,
      description: 'Rug Coach Alexa skill (nl-NL)',
    });

    // Exactly what state/dynamo-store.ts sends: reads, and conditional puts (a deletion is a put of a marker).
    props.table.grant(this.fn, 'dynamodb:GetItem', 'dynamodb:PutItem');
    props.stateQueue.grantSendMessages(this.fn);

    this.fn.addPermission('AlexaSkillInvoke', {
      principal: new ServicePrincipal(alexaServicePrincipal),
      action: 'lambda:InvokeFunction',
      eventSourceToken: props.skillId,
    });
  }
}
