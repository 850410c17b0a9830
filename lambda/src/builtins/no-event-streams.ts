/**
 * In place of `@smithy/core/event-streams` in the bundle (infra/bundling.ts): the SDK loads it only for
 * an operation with an event stream, and none of DynamoDB's GetItem/PutItem or SQS's SendMessage has
 * one. Leaving it out saves 15 KiB; should one ever be called, it fails loudly instead of quietly.
 */
function notBundled(): never {
  throw new Error('event streams are not in the Lambda bundle (infra/bundling.ts)');
}

export class EventStreamSerde {
  constructor() {
    notBundled();
  }
}

export const eventStreamSerdeProvider = notBundled;
