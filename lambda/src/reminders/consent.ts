import type { ConnectionCompleted, interfaces } from 'ask-sdk-model';

/**
 * Alexa's voice permission question (voice-forward consent), as the Voice-Forward Consent API reference
 * documents it: https://developer.amazon.com/en-US/docs/alexa/custom-skills/voice-forward-consent-api-reference.html
 */
const consentTaskUri = 'connection://AMAZON.AskForPermissionsConsent/2';

/** Reminders exist per Amazon account, not per recognised speaker: the only level they offer. */
export type ConsentLevel = 'ACCOUNT' | 'PERSON';

/** Hands the session to Alexa, which asks the user; the answer comes back as a SessionResumedRequest. */
export function consentDirective(
  permissionScope: string,
  token: string,
  consentLevel: ConsentLevel = 'ACCOUNT',
): interfaces.connections.V1.StartConnectionDirective {
  return {
    type: 'Connections.StartConnection',
    uri: consentTaskUri,
    input: {
      '@type': 'AskForPermissionsConsentRequest',
      '@version': '2',
      permissionScopes: [{ permissionScope, consentLevel }],
    },
    token,
  };
}

export type ConsentOutcome =
  /** The user said yes. */
  | 'accepted'
  /** The user said no, or did not answer (DENIED, NOT_ANSWERED). */
  | 'refused'
  /** Alexa could not run the question at all (a status code other than 200 or 204). */
  | 'failed';

/**
 * Reads the resumed session's cause as the voice-forward consent guide does: first `status.code` says
 * whether the connection itself completed (200 or 204), then `result.status` is the user's answer,
 * ACCEPTED, DENIED or NOT_ANSWERED.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/use-voice-forward-consent.html
 */
export function consentOutcome(cause: ConnectionCompleted): ConsentOutcome {
  const code = cause.status?.code;
  if (code !== '200' && code !== '204') return 'failed';
  // `result` is typed `any` by ask-sdk-model; read it as unknown.
  const result: unknown = cause.result;
  const status =
    typeof result === 'object' && result !== null ? (result as { status?: unknown }).status : undefined;
  return status === 'ACCEPTED' ? 'accepted' : 'refused';
}
