/**
 * A small client for the Alexa Reminders API (`/v1/alerts/reminders` at the request's apiEndpoint, with
 * the request's access token). Alexa gives a skill 8 s per request, so each call gives up after 1.5 s.
 */
export const reminderTimeoutMs = 1500;

export interface RemindersApi {
  apiEndpoint: string;
  apiAccessToken: string;
  timeoutMs?: number;
}

export type CreateResult =
  | { kind: 'created'; alertToken: string }
  /** 401/403: the user has not allowed reminders (or took the permission back). */
  | { kind: 'noPermission' }
  | { kind: 'failed'; status?: number };

export type DeleteResult =
  | { kind: 'deleted' }
  | { kind: 'noPermission' }
  | { kind: 'failed'; status?: number };

function url(api: RemindersApi, path = ''): string {
  return `${api.apiEndpoint.replace(/\/+$/, '')}/v1/alerts/reminders${path}`;
}

function headers(api: RemindersApi): Record<string, string> {
  return { Authorization: `Bearer ${api.apiAccessToken}`, 'Content-Type': 'application/json' };
}

const noPermission = (status: number) => status === 401 || status === 403;

export async function createReminder(api: RemindersApi, body: unknown): Promise<CreateResult> {
  try {
    const response = await fetch(url(api), {
      method: 'POST',
      headers: headers(api),
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(api.timeoutMs ?? reminderTimeoutMs),
    });
    if (noPermission(response.status)) return { kind: 'noPermission' };
    if (!response.ok) return { kind: 'failed', status: response.status };
    const json = (await response.json()) as { alertToken?: unknown };
    return typeof json.alertToken === 'string' && json.alertToken.length > 0
      ? { kind: 'created', alertToken: json.alertToken }
      : { kind: 'failed', status: response.status };
  } catch {
    // A timeout, a refused connection or a body that is not JSON: the user hears that it did not work.
    return { kind: 'failed' };
  }
}

export async function deleteReminder(api: RemindersApi, alertToken: string): Promise<DeleteResult> {
  try {
    const response = await fetch(url(api, `/${encodeURIComponent(alertToken)}`), {
      method: 'DELETE',
      headers: headers(api),
      signal: AbortSignal.timeout(api.timeoutMs ?? reminderTimeoutMs),
    });
    await response.arrayBuffer();
    if (noPermission(response.status)) return { kind: 'noPermission' };
    // 404: the user already deleted it in the Alexa app; either way it is gone.
    if (response.ok || response.status === 404) return { kind: 'deleted' };
    return { kind: 'failed', status: response.status };
  } catch {
    return { kind: 'failed' };
  }
}
