/**
 * A lever prototype, bundled only into a bench copy of the Lambda: the few DynamoDB calls the skill
 * makes (GetItem, PutItem, DeleteItem) as signed JSON requests over node:http(s), in place of
 * @aws-sdk/client-dynamodb and @smithy/node-http-handler. Same names and shapes as far as the store
 * uses them, so the store's code is unchanged. Signature Version 4 as documented by AWS.
 */
import { createHash, createHmac } from 'node:crypto';
import { type Agent as HttpAgent, request as httpRequest } from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';

type Json = Record<string, unknown>;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export class NodeHttpHandler {
  constructor(
    readonly options: {
      connectionTimeout?: number;
      requestTimeout?: number;
      throwOnRequestTimeout?: boolean;
      httpAgent?: HttpAgent;
      httpsAgent?: HttpsAgent;
    } = {},
  ) {}
}

abstract class Command {
  abstract readonly operation: string;
  constructor(readonly input: Json) {}
}
export class GetItemCommand extends Command {
  readonly operation = 'GetItem';
}
export class PutItemCommand extends Command {
  readonly operation = 'PutItem';
}
export class DeleteItemCommand extends Command {
  readonly operation = 'DeleteItem';
}
export type AttributeValue = { S?: string; N?: string; [key: string]: unknown };

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The Authorization header of Signature Version 4 for a POST to `/` with the given headers. */
export function signV4(
  headers: Record<string, string>,
  body: string,
  {
    region,
    service,
    credentials,
    amzDate,
  }: { region: string; service: string; credentials: Credentials; amzDate: string },
): string {
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const signedHeaders = names.join(';');
  const canonical = [
    'POST',
    '/',
    '',
    ...names.map((n) => `${n}:${lower[n]}`),
    '',
    signedHeaders,
    sha256(body),
  ].join('\n');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

class ServiceError extends Error {
  constructor(
    name: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = name;
  }
}

export class DynamoDBClient {
  private readonly url: URL;
  private readonly region: string;
  private readonly maxAttempts: number;
  private readonly handler: NodeHttpHandler;
  private readonly credentials: Credentials | undefined;

  constructor(config: {
    region?: string;
    endpoint?: string;
    maxAttempts?: number;
    requestHandler?: NodeHttpHandler;
    credentials?: Credentials;
  }) {
    this.region = config.region ?? process.env.AWS_REGION ?? 'eu-west-1';
    this.url = new URL(config.endpoint ?? `https://dynamodb.${this.region}.amazonaws.com/`);
    this.maxAttempts = config.maxAttempts ?? 3;
    this.handler = config.requestHandler ?? new NodeHttpHandler();
    this.credentials = config.credentials;
  }

  async send(command: Command): Promise<Json> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        return await this.once(command);
      } catch (error) {
        lastError = error;
        if (error instanceof ServiceError && !error.retryable) throw error;
      }
    }
    throw lastError;
  }

  destroy(): void {}

  private credentialsNow(): Credentials {
    if (this.credentials) return this.credentials;
    const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = process.env;
    if (!id || !secret)
      throw new ServiceError('CredentialsProviderError', 'no credentials in the environment', false);
    return { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) };
  }

  private once(command: Command): Promise<Json> {
    const body = JSON.stringify(command.input);
    const credentials = this.credentialsNow();
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.0',
      host: this.url.host,
      'x-amz-date': amzDate,
      'x-amz-target': `DynamoDB_20120810.${command.operation}`,
      ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
    };
    headers.authorization = signV4(headers, body, {
      region: this.region,
      service: 'dynamodb',
      credentials,
      amzDate,
    });
    headers['content-length'] = String(Buffer.byteLength(body));
    const https = this.url.protocol === 'https:';
    const { connectionTimeout = 1000, requestTimeout = 1500, httpAgent, httpsAgent } = this.handler.options;
    return new Promise((resolve, reject) => {
      const request = (https ? httpsRequest : httpRequest)(
        {
          method: 'POST',
          hostname: this.url.hostname,
          port: this.url.port || undefined,
          path: '/',
          headers,
          agent: https ? httpsAgent : httpAgent,
          timeout: requestTimeout,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            let json: Json = {};
            try {
              json = text ? (JSON.parse(text) as Json) : {};
            } catch {
              // A non-JSON body (a proxy's error page) is reported by its status below.
            }
            if (status >= 200 && status < 300) return resolve(json);
            const type = String(json.__type ?? `HTTP${status}`);
            const name = type.slice(type.lastIndexOf('#') + 1);
            const retryable = status >= 500 || /Throttl|LimitExceeded/.test(name);
            reject(new ServiceError(name, String(json.message ?? json.Message ?? text), retryable));
          });
          response.on('error', reject);
        },
      );
      const connectTimer = setTimeout(
        () => request.destroy(new Error('connection timeout')),
        connectionTimeout,
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('connect', () => clearTimeout(connectTimer));
      });
      request.on('timeout', () => request.destroy(new Error('request timeout')));
      request.on('error', (e) => {
        clearTimeout(connectTimer);
        reject(e);
      });
      request.on('close', () => clearTimeout(connectTimer));
      request.end(body);
    });
  }
}
