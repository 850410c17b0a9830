import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Reply = { status: number; body?: unknown; delayMs?: number };

export interface AlexaApiStandIn {
  /** The apiEndpoint to put in the request envelope. */
  endpoint: string;
  requests: RecordedRequest[];
  /** How the next requests are answered; the default is `defaultReply`. */
  reply: (request: RecordedRequest) => Reply;
  /** Answers as the Reminders API does: creates, lists and deletes the reminders it keeps. */
  defaultReply: (request: RecordedRequest) => Reply;
  /** The alert tokens of the reminders that exist now (created and not deleted). */
  active(): string[];
  close(): Promise<void>;
}

const basePath = '/v1/alerts/reminders';

/** The user a request is for: the middle of a simulator token (see envelope.ts), or else the whole token. */
function ownerOf(request: RecordedRequest): string {
  const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
  return /^simulator\.([^.]+)\./.exec(token)?.[1] ?? token;
}

/**
 * A loopback stand-in for the Alexa Reminders API (create, get all, delete at /v1/alerts/reminders, in
 * the shapes of the Reminders REST API Reference): keeps the reminders it created, records every request
 * and answers as told. The simulator and the tests use it; nothing else can reach Alexa here.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-api-reference.html
 */
export async function startAlexaApi(): Promise<AlexaApiStandIn> {
  let created = 0;
  /** Each reminder with the user it belongs to: the API only lists and deletes the caller's own. */
  const reminders = new Map<string, { owner: string; body: unknown }>();
  const defaultReply = (request: RecordedRequest): Reply => {
    // Each request carries the request's apiAccessToken as a bearer token; without it, 401.
    // https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-api-reference.html
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) return { status: 401 };
    const owner = ownerOf(request);
    if (request.method === 'POST' && request.path === basePath) {
      const alertToken = `alert-${++created}`;
      reminders.set(alertToken, { owner, body: request.body });
      return { status: 201, body: { alertToken, status: 'ON', version: '1' } };
    }
    if (request.method === 'GET' && request.path === basePath) {
      const own = [...reminders.entries()].filter(([, reminder]) => reminder.owner === owner);
      const alerts = own.map(([alertToken, { body }]) => ({
        alertToken,
        status: 'ON',
        version: '1',
        ...(typeof body === 'object' && body !== null ? body : {}),
      }));
      return { status: 200, body: { totalCount: String(alerts.length), alerts, links: null } };
    }
    if (request.method === 'DELETE' && request.path.startsWith(`${basePath}/`)) {
      const alertToken = decodeURIComponent(request.path.slice(basePath.length + 1));
      if (reminders.get(alertToken)?.owner !== owner) return { status: 404 };
      reminders.delete(alertToken);
      return { status: 204 };
    }
    return { status: 404 };
  };
  const api: AlexaApiStandIn = {
    endpoint: '',
    requests: [],
    reply: defaultReply,
    defaultReply,
    active: () => [...reminders.keys()],
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
