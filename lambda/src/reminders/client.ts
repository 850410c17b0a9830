/**
 * A small client for the Alexa Reminders API (`/v1/alerts/reminders` at the request's apiEndpoint, with
 * the request's access token). Alexa gives a skill 8 s per request, so each call gives up after 1.5 s.
 */
export const reminderTimeoutMs = 1500;

export interface RemindersApi {
  apiEndpoint: string;
  apiAccessToken: string;
  timeoutMs?: number;
  /** Ends every call still going at this signal too (the turn's answer time). */
  signal?: AbortSignal;
}

function signalFor(api: RemindersApi): AbortSignal {
  const own = AbortSignal.timeout(api.timeoutMs ?? reminderTimeoutMs);
  return api.signal ? AbortSignal.any([own, api.signal]) : own;
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
      signal: signalFor(api),
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
      signal: signalFor(api),
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

/**
 * The alert tokens of every reminder this skill has for the user (GET /v1/alerts/reminders, "Get all
 * reminders"), or undefined when Alexa did not say. Only the first page: far more than one person has.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-api-reference.html
 */
async function listReminders(api: RemindersApi): Promise<string[] | undefined> {
  try {
    const response = await fetch(url(api), {
      method: 'GET',
      headers: headers(api),
      signal: signalFor(api),
    });
    if (noPermission(response.status)) {
      await response.arrayBuffer();
      // Without the permission the skill can have no reminder of the user's.
      return [];
    }
    if (!response.ok) {
      await response.arrayBuffer();
      return undefined;
    }
    const json = (await response.json()) as { alerts?: unknown };
    if (!Array.isArray(json.alerts)) return [];
    return json.alerts.flatMap((alert: unknown) => {
      const token = (alert as { alertToken?: unknown } | null)?.alertToken;
      return typeof token === 'string' && token.length > 0 ? [token] : [];
    });
  } catch {
    return undefined;
  }
}

/**
 * Deletes every reminder the skill has for the user (but `except`): the tokens it knows, and any Alexa
 * lists (a token the skill lost still finds its reminder). Returns the tokens whose reminder could not
 * be deleted: they stay known, so a later try finds them.
 */
export async function deleteAllReminders(
  api: RemindersApi,
  known: readonly string[],
  { list = true, except }: { list?: boolean; except?: string } = {},
): Promise<{ remaining: string[]; deleted: number }> {
  const listed = list ? await listReminders(api) : [];
  const all = [...new Set([...known, ...(listed ?? [])])].filter((token) => token !== except);
  const results = await Promise.all(all.map((token) => deleteReminder(api, token)));
  // Without the permission a reminder cannot be deleted either: it stays known.
  const remaining = all.filter((_, i) => results[i]?.kind !== 'deleted');
  return { remaining, deleted: all.length - remaining.length };
}
