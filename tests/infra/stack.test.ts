import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/bundling.js';
import { loggedFailures, logMetricsNamespace } from '../../infra/constructs/alarms.js';
import { privacySiteAcknowledgements } from '../../infra/constructs/privacy-site.js';
import { pointInTimeRecoveryDays } from '../../infra/constructs/user-table.js';
import { privacyPage } from '../../infra/privacy-page.js';
import {
  defaultReservedConcurrency,
  placeholderSkillId,
  RugCoachStack,
  type RugCoachStackProps,
} from '../../infra/rug-coach-stack.js';
import { userTable } from '../../lambda/src/state/table-schema.js';
import { deployedNodeMajor } from '../../tools/bench/runtimes.js';
import { buildLambda } from '../../tools/build.js';
import { defined } from '../../tools/defined.js';

const skillId = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const lwaSecretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rug-coach-lwa-AbCdEf';
const managedSkill = { lwaSecretArn, vendorId: 'M1VENDOR' };

interface Synthesized {
  stack: Stack;
  template: Template;
  assemblyDir: string;
}

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Synthesizes one stack; only `bundle: true` runs esbuild (the slow part), the others skip bundling. */
function synth(id: string, props: RugCoachStackProps, bundle = false): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'rug-coach-infra-test-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
  const stack = new RugCoachStack(app, id, props);
  const assembly = app.synth();
  return {
    stack,
    template: Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template),
    assemblyDir: assembly.directory,
  };
}

function nagViolations(stack: Stack): string[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.description.slice(0, 120)}`);
}

function onlyResource(template: Template, type: string): { [key: string]: unknown } {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0] as { [key: string]: unknown };
}

const logicalIdOf = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return defined(ids[0]);
};

type Resource = { [key: string]: unknown; Properties: Record<string, unknown> };

/** The function with this handler export ('handler': the skill; 'stateJobs': the state queue's consumer). */
function functionWith(template: Template, handler: 'handler' | 'stateJobs'): [string, Resource] {
  // The privacy page's deploy-time uploader is an `index.handler` too: the skill's functions know the table.
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: `index.${handler}` } }),
  ).filter(([, f]) => JSON.stringify(f.Properties).includes('TABLE_NAME'));
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
}

const skillFunction = (template: Template) => functionWith(template, 'handler')[1];
const skillFunctionId = (template: Template) => functionWith(template, 'handler')[0];

/** The log group a function logs to. */
function logGroupOf(fn: Resource): string {
  return (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
}

/** The IAM statements of the policies attached to the role of `fn`. */
function statementsOf(template: Template, fn: Resource): { Action: string | string[]; Resource: unknown }[] {
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify((p.Properties as { Roles: unknown }).Roles).includes(`"${role}"`))
    .flatMap((p) => (p.Properties as { PolicyDocument: { Statement: never[] } }).PolicyDocument.Statement);
}

describe('the deployed stack (with a skill id and an alarm e-mail)', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth('Plain', { skillId, alarmEmail: 'alarms@example.nl' }, true);
  }, 120_000);

  it('runs the bundled handler on arm64 Node 22 or newer, within Alexa’s 8 s deadline', () => {
    const fn = skillFunction(s.template);
    const props = fn.Properties as { Runtime: string; Architectures: string[]; Timeout: number };
    expect(props.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
    // `npm run bench` measures on the Node it pins for this runtime (tools/bench/runtimes.ts).
    expect(props.Runtime).toBe(`nodejs${deployedNodeMajor}.x`);
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.Timeout).toBe(7);
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      // One vCPU: chosen from npm run bench's runs at Lambda's CPU share (infra/rug-coach-stack.ts).
      MemorySize: 1769,
    });
  });

  it('tells the function its table and its skill id, without slow source-map support', () => {
    const tableId = logicalIdOf(s.template, 'AWS::DynamoDB::Table');
    const fn = skillFunction(s.template);
    const variables = (fn.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment
      .Variables;
    expect(variables.TABLE_NAME).toEqual({ Ref: tableId });
    expect(variables.SKILL_ID).toBe(skillId);
    expect(variables).not.toHaveProperty('NODE_OPTIONS');
  });

  it('lets only this Alexa skill invoke the function', () => {
    const permissions = s.template.findResources('AWS::Lambda::Permission');
    const alexa = Object.values(permissions).filter(
      (p) => (p.Properties as { Principal: string }).Principal === 'alexa-appkit.amazon.com',
    );
    expect(alexa).toHaveLength(1);
    expect(defined(alexa[0]).Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      EventSourceToken: skillId,
    });
  });

  it('logs JSON to its own log group, kept for a month (and so does the state queue’s consumer)', () => {
    const groups = s.template.toJSON().Resources;
    const skill = skillFunction(s.template);
    const consumer = functionWith(s.template, 'stateJobs')[1];
    for (const fn of [skill, consumer])
      expect(groups[logGroupOf(fn)].Properties).toMatchObject({ RetentionInDays: 30 });
    expect(skill.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON' });
    expect(consumer.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON' });
    expect(logGroupOf(skill)).not.toBe(logGroupOf(consumer));
  });

  it('keeps user state in a retained, recoverable, pay-per-request table keyed as the code expects', () => {
    const table = onlyResource(s.template, 'AWS::DynamoDB::Table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: {
        PointInTimeRecoveryEnabled: true,
        RecoveryPeriodInDays: pointInTimeRecoveryDays,
      },
      TimeToLiveSpecification: { AttributeName: userTable.ttlAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true },
      KeySchema: [{ AttributeName: userTable.partitionKey.name, KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: userTable.partitionKey.name, AttributeType: userTable.partitionKey.type },
      ],
    });
  });

  it('grants both functions exactly the table actions the code sends (GetItem, PutItem), nothing like a scan', () => {
    const tableId = logicalIdOf(s.template, 'AWS::DynamoDB::Table');
    for (const handler of ['handler', 'stateJobs'] as const) {
      const dynamo = statementsOf(s.template, functionWith(s.template, handler)[1]).filter((st) =>
        JSON.stringify(st.Action).includes('dynamodb:'),
      );
      expect(dynamo, handler).toHaveLength(1);
      expect(dynamo[0]).toMatchObject({ Effect: 'Allow', Resource: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] });
      expect(new Set([defined(dynamo[0]).Action].flat()), handler).toEqual(
        new Set(['dynamodb:GetItem', 'dynamodb:PutItem']),
      );
    }
    // What the store sends, read from its source: a new DynamoDB command there needs its grant here.
    const store = readFileSync(path.join(repoRoot, 'lambda/src/state/dynamo-store.ts'), 'utf8');
    const commands = new Set([...store.matchAll(/new (\w+)Command\(/g)].map((m) => `dynamodb:${m[1]}`));
    expect(commands).toEqual(new Set(['dynamodb:GetItem', 'dynamodb:PutItem']));
  });

  it('lets each function write only to its own log group, with no broad managed policy', () => {
    const roles = Object.values(s.template.findResources('AWS::IAM::Role'));
    for (const role of roles) expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
    for (const handler of ['handler', 'stateJobs'] as const) {
      const fn = functionWith(s.template, handler)[1];
      const statements = JSON.stringify(statementsOf(s.template, fn));
      expect(statements).toContain('logs:PutLogEvents');
      expect(statements).toContain(`"Fn::GetAtt":["${logGroupOf(fn)}","Arn"]`);
    }
    expect(JSON.stringify(s.template.findResources('AWS::IAM::Policy'))).not.toMatch(/"Resource":"\*"/);
  });

  it('alarms on errors, throttles, slow answers and a failing table, and mails them', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Record<string, unknown>,
    );
    const byMetric = (name: string) => alarms.find((a) => a.MetricName === name);
    expect(alarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(2);
    expect(byMetric('Errors')).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1 });
    expect(byMetric('Throttles')).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1 });
    const slow = byMetric('Duration');
    expect(slow).toMatchObject({ Namespace: 'AWS/Lambda', ExtendedStatistic: 'p99' });
    expect(slow?.Threshold).toBeGreaterThanOrEqual(5_000);
    expect(slow?.Threshold).toBeLessThan(8_000);
    const tableAlarms = JSON.stringify(alarms.filter((a) => a.Metrics !== undefined));
    expect(tableAlarms).toContain('ThrottledRequests');
    expect(tableAlarms).toContain('SystemErrors');

    const topicId = logicalIdOf(s.template, 'AWS::SNS::Topic');
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alarms@example.nl',
    });
  });

  it('reserves concurrency for the skill function (see defaultReservedConcurrency for why)', () => {
    expect(skillFunction(s.template).Properties.ReservedConcurrentExecutions).toBe(
      defaultReservedConcurrency,
    );
  });

  it('retries what DynamoDB did not take through an encrypted SQS queue, a dead-letter queue and the same bundle', () => {
    const queues = s.template.findResources('AWS::SQS::Queue');
    const [mainId, main] = Object.entries(queues).find(([, q]) => q.Properties?.RedrivePolicy) ?? [];
    const deadId = Object.keys(queues).find((id) => id !== mainId);
    expect(Object.keys(queues)).toHaveLength(2);
    expect(main?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86_400,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadId, 'Arn'] }, maxReceiveCount: 240 },
    });
    // The consumer's timeout fits six times in the visibility timeout, as AWS advises.
    const [consumerId, consumer] = functionWith(s.template, 'stateJobs');
    expect(main?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * Number(consumer.Properties.Timeout),
    );
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [mainId, 'Arn'] },
      FunctionName: { Ref: consumerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    // Both queues accept TLS only.
    const policies = JSON.stringify(s.template.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toContain('aws:SecureTransport');
    // The skill knows the queue and may send to it, and nothing else on it.
    const fn = skillFunction(s.template);
    expect(
      (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.STATE_QUEUE_URL,
    ).toEqual({
      Ref: mainId,
    });
    const sqs = statementsOf(s.template, fn).filter((st) => JSON.stringify(st.Action).includes('sqs:'));
    expect(sqs).toHaveLength(1);
    expect([defined(sqs[0]).Action].flat()).toContain('sqs:SendMessage');
    expect([defined(sqs[0]).Action].flat().some((a) => /Receive|Delete|Purge|\*/.test(a))).toBe(false);
  });

  it('seals session attributes with a key from the stack’s own id, never a literal in the template', () => {
    const variables = (
      skillFunction(s.template).Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(JSON.stringify(variables.SESSION_KEY)).toContain('AWS::StackId');
  });

  it('counts every handled failure the code logs, in both log groups, and alarms on each', () => {
    const filters = Object.values(s.template.findResources('AWS::Logs::MetricFilter')).map(
      (f) =>
        f.Properties as {
          FilterPattern: string;
          LogGroupName: { Ref: string };
          MetricTransformations: { MetricName: string; MetricNamespace: string }[];
        },
    );
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Record<string, unknown>,
    );
    const groups = [
      logGroupOf(skillFunction(s.template)),
      logGroupOf(functionWith(s.template, 'stateJobs')[1]),
    ];
    for (const failure of loggedFailures) {
      const mine = filters.filter((f) => f.MetricTransformations[0]?.MetricName === failure.metric);
      expect(mine.map((f) => f.LogGroupName.Ref).sort(), failure.message).toEqual([...groups].sort());
      for (const filter of mine) expect(filter.FilterPattern).toBe(`"${failure.message}"`);
      expect(
        alarms.find((a) => a.MetricName === failure.metric && a.Namespace === logMetricsNamespace),
        failure.message,
      ).toMatchObject({ Threshold: failure.threshold });
    }
    // Each failure kind is one the code really logs, word for word.
    const sources = ['state/persistence.ts', 'state/deletion.ts', 'state/state-jobs.ts']
      .map((file) => readFileSync(path.join(repoRoot, 'lambda/src', file), 'utf8'))
      .join('\n');
    for (const failure of loggedFailures) expect(sources, failure.message).toContain(`'${failure.message}'`);
  });

  it('alarms when a deletion or save waits in the state queue too long, or is given up on', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Record<string, unknown>,
    );
    expect(alarms.find((a) => a.MetricName === 'ApproximateAgeOfOldestMessage')).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 15 * 60,
    });
    expect(alarms.find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
  });

  it('outputs the function ARN and the table name', () => {
    const outputs = s.template.findOutputs('*');
    expect(outputs.FunctionArn?.Value).toEqual({
      'Fn::GetAtt': [skillFunctionId(s.template), 'Arn'],
    });
    expect(outputs.TableName?.Value).toEqual({ Ref: logicalIdOf(s.template, 'AWS::DynamoDB::Table') });
  });

  it('creates no Alexa skill without Login-with-Amazon credentials, and is deployable', () => {
    s.template.resourceCountIs('Alexa::ASK::Skill', 0);
    expect(Object.keys(s.template.toJSON().Rules ?? {})).toEqual(['CheckBootstrapVersion']);
    expect(Annotations.fromStack(s.stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('passes the AWS Solutions checks (cdk-nag); only the privacy page’s three CloudFront findings are acknowledged', () => {
    expect(nagViolations(s.stack)).toEqual([]);
  });

  it('deploys byte for byte the bundle that `npm run build` makes for the tests and the simulator', async () => {
    const fn = skillFunction(s.template);
    // The state queue's consumer runs the very same bundle (another export of it).
    const consumer = functionWith(s.template, 'stateJobs')[1];
    expect((consumer.Properties as { Code: unknown }).Code).toEqual(
      (fn.Properties as { Code: unknown }).Code,
    );
    const key = (fn.Properties as { Code: { S3Key: string } }).Code.S3Key;
    const deployed = readFileSync(path.join(s.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`, 'index.js'));
    const outdir = mkdtempSync(path.join(tmpdir(), 'rug-coach-build-test-'));
    try {
      const built = await buildLambda(path.join(outdir, 'index.js'));
      expect(built.bytes).toBeGreaterThan(0);
      expect(readFileSync(built.outfile).equals(deployed)).toBe(true);
      expect(existsSync(`${built.outfile}.map`)).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('deploys a self-contained CommonJS bundle that loads outside the repo and refuses other skills', async () => {
    const fn = skillFunction(s.template);
    const key = (fn.Properties as { Code: { S3Key: string } }).Code.S3Key;
    const assetDir = path.join(s.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(readdirSync(assetDir).sort()).toEqual(['index.js', 'index.js.map']);
    const code = readFileSync(path.join(assetDir, 'index.js'), 'utf8');
    expect(code.startsWith('"use strict";')).toBe(true);
    expect(code).not.toContain('sourceMappingURL');
    const map = JSON.parse(readFileSync(path.join(assetDir, 'index.js.map'), 'utf8')) as object;
    expect(map).not.toHaveProperty('sourcesContent');

    // The assembly lives in the OS temp dir, away from node_modules: an external import would fail here.
    // No package.json there: Node loads index.js as CommonJS, as Lambda does.
    const bundle = (await import(pathToFileURL(path.join(assetDir, 'index.js')).href)) as {
      handler: (event: unknown) => Promise<unknown>;
    };
    const foreign = {
      version: '1.0',
      session: { new: true, application: { applicationId: 'amzn1.ask.skill.someone-else' } },
      context: { System: { application: { applicationId: 'amzn1.ask.skill.someone-else' } } },
      request: { type: 'LaunchRequest', requestId: 'r1', locale: 'nl-NL', timestamp: '2025-01-01T00:00:00Z' },
    };
    await expect(bundle.handler(foreign)).rejects.toThrow();
  });
});

describe('without an alarm e-mail, and with no concurrency reserved', () => {
  let quiet: Synthesized;
  beforeAll(() => {
    quiet = synth('Quiet', { skillId, reservedConcurrency: null });
  }, 60_000);

  it('still sends every alarm to the alarm topic, and outputs it to subscribe to', () => {
    const topicId = logicalIdOf(quiet.template, 'AWS::SNS::Topic');
    const alarms = Object.values(quiet.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(10);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    quiet.template.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(quiet.template.findOutputs('AlarmTopicArn').AlarmTopicArn?.Value).toEqual({ Ref: topicId });
  });

  it('reserves no concurrency when told not to (an account with a small quota)', () => {
    expect(skillFunction(quiet.template).Properties).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('keeps point-in-time backups as many days as SECURITY.md says a deleted user’s data can stay in them', () => {
    const table = onlyResource(quiet.template, 'AWS::DynamoDB::Table');
    const days = (table.Properties as { PointInTimeRecoverySpecification: { RecoveryPeriodInDays: number } })
      .PointInTimeRecoverySpecification.RecoveryPeriodInDays;
    expect(days).toBe(pointInTimeRecoveryDays);
    const security = readFileSync(path.join(repoRoot, 'SECURITY.md'), 'utf8');
    expect(security).toMatch(new RegExp(`point-in-time recovery[^.]*\\b${days} days`, 'i'));
    expect(security).not.toMatch(/35 days/);
  });
});

describe('without a skill id', () => {
  it('synthesizes with a placeholder and a warning, but CloudFormation refuses to deploy it', () => {
    const s = synth('NoSkillId', {});
    s.template.hasResourceProperties('AWS::Lambda::Permission', { EventSourceToken: placeholderSkillId });
    const warnings = Annotations.fromStack(s.stack).findWarning('*', Match.stringLikeRegexp('skillId'));
    expect(warnings).toHaveLength(1);
    const rules = s.template.toJSON().Rules as Record<
      string,
      { Assertions: { AssertDescription: string }[] }
    >;
    const guards = Object.entries(rules).filter(([id]) => id !== 'CheckBootstrapVersion');
    expect(guards).toHaveLength(1);
    const [assertion] = defined(guards[0])[1].Assertions;
    expect(assertion?.AssertDescription).toContain('-c skillId=');
    // The rule must be unconditionally false: Fn::Not of a tautology.
    const assert = (
      defined(guards[0])[1].Assertions[0] as unknown as { Assert: { 'Fn::Not': [{ 'Fn::Equals': [] }] } }
    ).Assert;
    const [left, right] = assert['Fn::Not'][0]['Fn::Equals'] as unknown[];
    expect(typeof left).toBe('string');
    expect(left).toEqual(right);
    expect(nagViolations(s.stack)).toEqual([]);
  });
});

describe('with Login-with-Amazon credentials', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth('Managed', { skillId, managedSkill });
  }, 60_000);

  it('creates the Alexa skill with credentials resolved from Secrets Manager at deploy time', () => {
    const skill = onlyResource(s.template, 'Alexa::ASK::Skill');
    const props = skill.Properties as {
      VendorId: string;
      AuthenticationConfiguration: Record<string, string>;
    };
    expect(props.VendorId).toBe('M1VENDOR');
    for (const field of ['ClientId', 'ClientSecret', 'RefreshToken']) {
      const reference = JSON.stringify(props.AuthenticationConfiguration[field]);
      expect(reference).toContain(`{{resolve:secretsmanager:${lwaSecretArn}:SecretString:`);
      expect(reference).toContain(field.charAt(0).toLowerCase() + field.slice(1));
    }
  });

  it('points the skill (requests and events) at the function, from a package Alexa may read', () => {
    const fnId = skillFunctionId(s.template);
    const skill = onlyResource(s.template, 'Alexa::ASK::Skill');
    const pkg = (skill.Properties as { SkillPackage: Record<string, unknown> }).SkillPackage;
    const arn = { 'Fn::GetAtt': [fnId, 'Arn'] };
    const distributionId = logicalIdOf(s.template, 'AWS::CloudFront::Distribution');
    expect(pkg.Overrides).toEqual({
      Manifest: {
        apis: { custom: { endpoint: { uri: arn } } },
        events: { endpoint: { uri: arn } },
        // The privacy policy this stack serves replaces skill.json's placeholder.
        privacyAndCompliance: {
          locales: {
            'nl-NL': {
              privacyPolicyUrl: {
                'Fn::Join': [
                  '',
                  ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/privacy.html'],
                ],
              },
            },
          },
        },
      },
    });
    expect(pkg.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    const roleRef = pkg.S3BucketRole as { 'Fn::GetAtt': [string, string] };
    const role = s.template.toJSON().Resources[roleRef['Fn::GetAtt'][0]];
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('alexa-appkit.amazon.com');
    expect(skill.DependsOn).toEqual(expect.arrayContaining([roleRef['Fn::GetAtt'][0]]));
  });

  it('packages skill.json and the nl-NL interaction model in the layout SMAPI expects', () => {
    const skill = onlyResource(s.template, 'Alexa::ASK::Skill');
    const key = (skill.Properties as { SkillPackage: { S3Key: string } }).SkillPackage.S3Key;
    const dir = path.join(s.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(existsSync(path.join(dir, 'skill.json'))).toBe(true);
    const model = JSON.parse(readFileSync(path.join(dir, 'interactionModels/custom/nl-NL.json'), 'utf8'));
    expect(model.interactionModel.languageModel.invocationName).toBe('rug coach');
    for (const icon of ['nl-NL_smallIconUri.png', 'nl-NL_largeIconUri.png']) {
      expect(existsSync(path.join(dir, 'assets/images', icon))).toBe(true);
    }
  });

  it('keeps the function closed to other skills and passes the AWS Solutions checks', () => {
    const alexa = Object.values(s.template.findResources('AWS::Lambda::Permission')).filter(
      (p) => (p.Properties as { Principal: string }).Principal === 'alexa-appkit.amazon.com',
    );
    expect(alexa.map((p) => (p.Properties as { EventSourceToken?: string }).EventSourceToken)).toEqual([
      skillId,
    ]);
    expect(s.template.findOutputs('SkillId')).toHaveProperty('SkillId');
    expect(nagViolations(s.stack)).toEqual([]);
  });

  it('on the first deploy (no skill id yet) opens the endpoint for Alexa to create the skill, with a warning', () => {
    const first = synth('ManagedFirst', { managedSkill });
    const open = Object.entries(first.template.findResources('AWS::Lambda::Permission')).filter(
      ([, p]) => (p.Properties as { EventSourceToken?: string }).EventSourceToken === undefined,
    );
    expect(open).toHaveLength(1);
    const skill = onlyResource(first.template, 'Alexa::ASK::Skill');
    expect(skill.DependsOn).toEqual(expect.arrayContaining([defined(open[0])[0]]));
    // The handler still refuses every request until the second deploy sets the real skill id.
    first.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SKILL_ID: placeholderSkillId }) },
    });
    expect(
      Annotations.fromStack(first.stack).findWarning('*', Match.stringLikeRegexp('deploy again')),
    ).toHaveLength(1);
  });
});

describe('the privacy policy page', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth('Privacy', { skillId, privacyContact: 'privacy@rugcoach.nl' });
  }, 60_000);

  it('lives in a private, encrypted bucket that refuses plain HTTP', () => {
    const pagesBucketId = Object.entries(s.template.findResources('AWS::S3::Bucket')).find(
      ([, b]) => (b.Properties as { LoggingConfiguration?: unknown }).LoggingConfiguration !== undefined,
    )?.[0];
    expect(pagesBucketId).toBeDefined();
    for (const bucket of Object.values(s.template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      });
    }
    const policies = JSON.stringify(s.template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toContain('"aws:SecureTransport":"false"');
  });

  it('is read only through CloudFront with origin access control, over HTTPS, with security headers and logs', () => {
    const distribution = onlyResource(s.template, 'AWS::CloudFront::Distribution');
    const config = (distribution.Properties as { DistributionConfig: Record<string, unknown> })
      .DistributionConfig;
    expect(config.DefaultRootObject).toBe('privacy.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      ResponseHeadersPolicyId: expect.any(String),
    });
    const [origin] = config.Origins as {
      OriginAccessControlId: unknown;
      S3OriginConfig: { OriginAccessIdentity: string };
    }[];
    expect(origin?.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [logicalIdOf(s.template, 'AWS::CloudFront::OriginAccessControl'), 'Id'],
    });
    expect(origin?.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.Logging).toMatchObject({ Prefix: 'cdn/' });
    // Only CloudFront, for this distribution, may read the bucket.
    const reads = JSON.stringify(s.template.findResources('AWS::S3::BucketPolicy'));
    expect(reads).toContain('cloudfront.amazonaws.com');
    expect(reads).toContain('AWS:SourceArn');
  });

  it('uploads exactly the page that `npm run privacy` shows, with the contact address given', () => {
    const upload = onlyResource(s.template, 'Custom::AWS');
    const create = JSON.parse(
      JSON.stringify((upload.Properties as { Create: unknown }).Create).replace(
        /\{"Ref":"[^"]+"\}/g,
        '"bucket"',
      ),
    );
    const call = JSON.parse(
      typeof create === 'string' ? create : (create['Fn::Join'] as [string, string[]])[1].join(''),
    ) as { service: string; action: string; parameters: { Key: string; Body: string; ContentType: string } };
    expect(call).toMatchObject({ service: 'S3', action: 'putObject' });
    expect(call.parameters.Key).toBe('privacy.html');
    expect(call.parameters.ContentType).toBe('text/html; charset=utf-8');
    expect(call.parameters.Body).toBe(privacyPage('privacy@rugcoach.nl'));
  });

  it('gives the upload exactly one permission: putting that one page', () => {
    const statements = Object.values(s.template.findResources('AWS::IAM::Policy'))
      .flatMap(
        (p) =>
          (p.Properties as { PolicyDocument: { Statement: { Action: unknown }[] } }).PolicyDocument.Statement,
      )
      .filter((st) => JSON.stringify(st.Action).includes('s3:'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Action: 's3:PutObject', Effect: 'Allow' });
    expect(JSON.stringify(statements[0])).toContain('/privacy.html');
  });

  it('outputs its URL, and passes cdk-nag with only the CloudFront findings a public page cannot close', () => {
    expect(s.template.findOutputs('PrivacyPolicyUrl').PrivacyPolicyUrl?.Value).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { 'Fn::GetAtt': [logicalIdOf(s.template, 'AWS::CloudFront::Distribution'), 'DomainName'] },
          '/privacy.html',
        ],
      ],
    });
    expect(privacySiteAcknowledgements.map((a) => a.id)).toEqual([
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
    ]);
    expect(nagViolations(s.stack)).toEqual([]);
  });
});

describe('the CDK CLI', () => {
  it('synthesizes offline with `cdk synth -c skillId=… --quiet`', async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'rug-coach-cdk-out-'));
    try {
      await promisify(execFile)(
        'npx',
        ['cdk', 'synth', '-c', 'skillId=amzn1.ask.skill.test', '--quiet', '--no-notices', '-o', outdir],
        { cwd: repoRoot, timeout: 150_000, env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' } },
      );
      const template = JSON.parse(readFileSync(path.join(outdir, 'RugCoach.template.json'), 'utf8'));
      expect(JSON.stringify(template)).toContain('amzn1.ask.skill.test');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});
