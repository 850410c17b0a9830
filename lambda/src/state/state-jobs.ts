import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { errorClass, log } from '../log.js';
import { userStateStore } from './dynamo-store.js';
import { parseStateJob, type StateJob } from './state-queue.js';

/** One job may take this long; the function's timeout (infra) leaves room for a batch of them. */
const jobBudgetMs = 5000;

async function run(job: StateJob): Promise<void> {
  const store = userStateStore();
  const signal = AbortSignal.timeout(jobBudgetMs);
  if (job.kind === 'delete') {
    await store.delete(job.userId, signal);
    log.info('user data deleted', { reason: 'queued deletion', jobAgeSeconds: ageSeconds(job) });
    return;
  }
  const outcome = await store.save(
    job.userId,
    { state: job.state, base: job.base, pending: job.pending, device: job.device, id: job.id },
    signal,
  );
  if (outcome.kind === 'failed') throw outcome.error;
  log.info('user state saved', {
    reason: outcome.kind === 'deleted' ? 'deleted since; not written' : 'queued save',
    jobAgeSeconds: ageSeconds(job),
  });
}

function ageSeconds(job: StateJob): number {
  return Math.round((Date.now() - Date.parse(job.at)) / 1000);
}

/**
 * The consumer of the state queue (Lambda's SQS event source, with ReportBatchItemFailures): runs each
 * job, and reports the ones DynamoDB did not take, so SQS delivers them again later (and, after
 * many tries, moves them to the dead-letter queue, which alarms). Jobs of one batch run in order.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
export async function stateJobs(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records ?? []) {
    const job = parseStateJob(record.body);
    if (!job) {
      // Retrying cannot make it readable; it is dropped, and the log says so (it alarms).
      log.error('state job unreadable', { messageId: record.messageId });
      continue;
    }
    try {
      await run(job);
    } catch (error) {
      log.warn(job.kind === 'delete' ? 'user data not deleted' : 'user state not saved', {
        reason: 'queued job failed; SQS retries it',
        errorClass: errorClass(error),
        receiveCount: Number(record.attributes?.ApproximateReceiveCount) || undefined,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
