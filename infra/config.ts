import type { App } from 'aws-cdk-lib';
import type { RugCoachStackProps } from './rug-coach-stack.js';

/** Deployment settings from CDK context (`-c key=value`), with environment fallbacks where noted. */
export function stackPropsFrom(app: App, env: NodeJS.ProcessEnv = process.env): RugCoachStackProps {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const skillId = context('skillId') ?? (env.SKILL_ID?.trim() || undefined);
  if (skillId !== undefined && !skillId.startsWith('amzn1.ask.skill.')) {
    throw new Error(`skillId must look like amzn1.ask.skill.…, got "${skillId}"`);
  }
  const memory = context('memorySize');
  const memorySize = memory === undefined ? undefined : Number(memory);
  if (memorySize !== undefined && !(Number.isInteger(memorySize) && memorySize >= 128)) {
    throw new Error(`memorySize must be a whole number of MB (128 or more), got "${memory}"`);
  }
  const reserved = context('reservedConcurrency');
  const reservedConcurrency =
    reserved === undefined ? undefined : reserved === 'none' ? null : Number(reserved);
  if (
    typeof reservedConcurrency === 'number' &&
    !(Number.isInteger(reservedConcurrency) && reservedConcurrency >= 1)
  ) {
    throw new Error(`reservedConcurrency must be a whole number (1 or more) or "none", got "${reserved}"`);
  }
  const lwaSecretArn = context('lwaSecretArn');
  const vendorId = context('vendorId');
  if ((lwaSecretArn === undefined) !== (vendorId === undefined)) {
    throw new Error('Creating the Alexa skill needs both -c lwaSecretArn=… and -c vendorId=…');
  }
  return {
    skillId,
    memorySize,
    reservedConcurrency,
    alarmEmail: context('alarmEmail'),
    privacyContact: context('privacyContact'),
    managedSkill: lwaSecretArn && vendorId ? { lwaSecretArn, vendorId } : undefined,
    description:
      'Rug Coach: a Dutch Alexa skill for back exercises (function, user table, alarms, privacy page)',
  };
}
