import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type Reply = { status: number; body?: unknown; delayMs?: number };

export interface AlexaApiStandIn {
  /** The apiEndpoint to put in the request envelope. */
  endpoint: string;
  requests: RecordedRequest[];
  /** How the next requests are answered; the default creates reminders and deletes them. */
  reply: (request: RecordedRequest) => Reply;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the Alexa Reminders API (POST and DELETE /v1/alerts/reminders): records every
 * request and answers as told. The simulator and the tests use it; nothing else can reach Alexa here.
 */
export async function startAlexaApi(): Promise<AlexaApiStandIn> {
  let created = 0;
  const api: AlexaApiStandIn = {
    endpoint: '',
    requests: [],
    reply: (request) => {
      // Each request carries the request's apiAccessToken as a bearer token; without it, 401.
      // https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-api-reference.html
      if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) return { status: 401 };
      return request.method === 'POST'
        ? { status: 201, body: { alertToken: `alert-${++created}`, status: 'ON' } }
        : { status: 204 };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      api.requests.push(recorded);
      const reply = api.reply(recorded);
      setTimeout(() => {
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
