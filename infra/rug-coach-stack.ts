import path from 'node:path';
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { repoRoot } from './bundling.js';
import { SkillAlarms } from './constructs/alarms.js';
import { AlexaSkill } from './constructs/alexa-skill.js';
import { DeployGuard } from './constructs/deploy-guard.js';
import { PrivacySite } from './constructs/privacy-site.js';
import { SkillFunction } from './constructs/skill-function.js';
import { StateQueue } from './constructs/state-queue.js';
import { UserTable } from './constructs/user-table.js';
import { privacyPage } from './privacy-page.js';

/** Stands in for a missing skill ID so that synth works; it matches no real skill. */
export const placeholderSkillId = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

interface ManagedSkillProps {
  /** Secrets Manager secret (name or ARN) holding the LWA `clientId`, `clientSecret`, `refreshToken`. */
  readonly lwaSecretArn: string;
  readonly vendorId: string;
}

/**
 * 1769 MB: one whole vCPU ("At 1,769 MB, a function has the equivalent of one vCPU",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). Memory itself is not the
 * limit (peak RSS of a cold start and first turn: 65 MiB); CPU is. `npm run bench` runs the deployed
 * Node in a CPU cgroup with each size's share of a CPU; on 2026-12-01 a cold start + first turn took
 * 1,094 ms at 256 MB, 496 ms at 512 MB, 210 ms at 1024 MB and 153 ms at 1769 MB, and a warm turn's p99
 * 91, 75, 50 and 5 ms (bench-results/latest.md; three more runs that day: 990 to 1,103, 481 to 581,
 * 210 to 280 and 150 to 178 ms).
 * More than one vCPU does not help single-threaded Node. Lambda bills GB-seconds:
 * for the CPU-bound part of a turn twice the memory runs half as long, so only the milliseconds spent
 * waiting for DynamoDB cost more than at 512 MB (3.5 times as much, for a few ms per turn).
 */
const defaultMemoryMb = 1769;

/**
 * Executions reserved for the skill's function. A turn takes a few milliseconds of CPU but may wait up to
 * 3 s on DynamoDB, so 25 at once carries hundreds of turns a second, far more than a Dutch skill for back
 * pain gets. Reserving them means no other function in the account can take the skill's capacity, and
 * the cap means a runaway (a retry storm, a bug that loops) cannot take the whole account's concurrency
 * or run up the on-demand table. The account needs 100 unreserved beyond it: `-c reservedConcurrency=none`
 * on an account with a smaller quota.
 */
export const defaultReservedConcurrency = 25;

export interface RugCoachStackProps extends StackProps {
  /** The Alexa skill ID (amzn1.ask.skill.…) that may invoke the function. */
  readonly skillId?: string;
  /** Lambda memory in MB. */
  readonly memorySize?: number;
  /** Alarm notifications go to this address when given (they always go to the alarm topic). */
  readonly alarmEmail?: string;
  /**
   * The e-mail address the privacy policy gives for questions; without it, the page points to the
   * publisher's name in the Alexa Skills Store.
   */
  readonly privacyContact?: string;
  /**
   * Executions reserved for the skill's function; `null` reserves none.
   * @default defaultReservedConcurrency
   */
  readonly reservedConcurrency?: number | null;
  /**
   * When given, the stack also creates the Alexa skill from interaction-model/. Deploy first without
   * skillId, then again with skillId = the SkillId output (a new skill's ID is unknown before it exists).
   */
  readonly managedSkill?: ManagedSkillProps;
}

export class RugCoachStack extends Stack {
  constructor(scope: Construct, id: string, props: RugCoachStackProps = {}) {
    super(scope, id, props);

    const users = new UserTable(this, 'Users');
    const stateQueue = new StateQueue(this, 'StateQueue', { table: users.table });
    const reserved =
      props.reservedConcurrency === undefined ? defaultReservedConcurrency : props.reservedConcurrency;
    const skillFunction = new SkillFunction(this, 'Skill', {
      table: users.table,
      stateQueue: stateQueue.queue,
      skillId: props.skillId ?? placeholderSkillId,
      memorySize: props.memorySize ?? defaultMemoryMb,
      ...(reserved === null ? {} : { reservedConcurrency: reserved }),
    });
    const alarms = new SkillAlarms(this, 'Alarms', {
      fn: skillFunction.fn,
      logGroups: [skillFunction.logGroup, stateQueue.logGroup],
      table: users.table,
      stateQueue: stateQueue.queue,
      deadLetters: stateQueue.deadLetters,
      consumer: stateQueue.consumer,
      alarmEmail: props.alarmEmail,
    });

    const privacy = new PrivacySite(this, 'Privacy', { html: privacyPage(props.privacyContact) });

    if (props.managedSkill) {
      const alexaSkill = new AlexaSkill(this, 'Alexa', {
        privacyPolicyUrl: privacy.url,
        fn: skillFunction.fn,
        lwaSecretArn: props.managedSkill.lwaSecretArn,
        vendorId: props.managedSkill.vendorId,
        skillPackageDir: path.join(repoRoot, 'interaction-model'),
        functionKnowsSkillId: props.skillId !== undefined,
      });
      // Alexa checks, when it saves the endpoint, that the function lets the skill invoke it.
      alexaSkill.node.addDependency(skillFunction);
      new CfnOutput(this, 'SkillId', {
        value: alexaSkill.skillId,
        description: 'The skill created by this stack; deploy again with -c skillId=<this value>',
      });
      if (props.skillId === undefined) {
        Annotations.of(this).addWarningV2(
          'rug-coach:firstSkillDeploy',
          'No skillId: this deploy creates the skill, but the function refuses its requests until you ' +
            'deploy again with -c skillId=<the SkillId output>.',
        );
      }
    } else if (props.skillId === undefined) {
      Annotations.of(this).addWarningV2(
        'rug-coach:missingSkillId',
        `No skillId given (-c skillId=amzn1.ask.skill.… or env SKILL_ID): synthesized with the placeholder ` +
          `${placeholderSkillId}; CloudFormation will refuse to deploy this template.`,
      );
      new DeployGuard(this, 'RequireSkillId', {
        reason:
          'Rug Coach needs its Alexa skill ID: deploy with -c skillId=amzn1.ask.skill.… (or env SKILL_ID).',
      });
    }

    new CfnOutput(this, 'FunctionArn', {
      value: skillFunction.fn.functionArn,
      description: 'The skill endpoint (Default region) for the Alexa developer console',
    });
    new CfnOutput(this, 'TableName', { value: users.table.tableName });
    new CfnOutput(this, 'PrivacyPolicyUrl', {
      value: privacy.url,
      description:
        "The privacy policy's URL, for skill.json's privacyPolicyUrl when the skill is not managed here",
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Every alarm notifies this topic: subscribe to it (or deploy with -c alarmEmail=…)',
    });
    new CfnOutput(this, 'StateDeadLetterQueueUrl', {
      value: stateQueue.deadLetters.queueUrl,
      description:
        'Deletions and saves given up on after a day of retries: redrive them once DynamoDB is fine',
    });
  }
}
