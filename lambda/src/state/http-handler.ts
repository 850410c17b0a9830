import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * The AWS SDK's HTTP handler as the skill's clients use it: kept-alive connections (a warm Lambda reuses
 * them) and hard timeouts, so that a hanging service ends an attempt instead of the turn.
 */
export function boundedHttpHandler(timeouts: {
  connectionTimeout: number;
  requestTimeout: number;
}): NodeHttpHandler {
  return new NodeHttpHandler({
    ...timeouts,
    throwOnRequestTimeout: true,
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true }),
  });
}
