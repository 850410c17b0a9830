import type { Directive } from 'ask-sdk-model';

/*
 * Alexa's side of voice-forward consent, written from Alexa's documentation (not from the skill):
 * the Connections.StartConnection directive a skill sends, and the SessionResumedRequest cause Alexa
 * sends back.
 * Directive: https://developer.amazon.com/en-US/docs/alexa/custom-skills/voice-forward-consent-api-reference.html
 * Result:    https://developer.amazon.com/en-US/docs/alexa/custom-skills/use-voice-forward-consent.html
 */

export type ConsentAnswer = 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';

export interface ConsentRequest {
  token: string;
  scopes: { permissionScope: string; consentLevel: 'ACCOUNT' | 'PERSON' }[];
}

/**
 * The scopes this stand-in knows, with the consent levels the guide's table allows for each: reminders
 * exist per Amazon account only.
 */
const levelsByScope: Record<string, readonly ('ACCOUNT' | 'PERSON')[]> = {
  'alexa::alerts:reminders:skill:readwrite': ['ACCOUNT'],
};

/**
 * The permission question a response asks Alexa to put to the user, or undefined when it asks none.
 * Throws when the directive is not the documented version 2 task, as Alexa would refuse it.
 */
export function consentRequested(directives: readonly Directive[] | undefined): ConsentRequest | undefined {
  const directive = directives?.find((d) => d.type === 'Connections.StartConnection');
  if (!directive) return undefined;
  const { uri, input, token } = directive as {
    uri?: unknown;
    input?: Record<string, unknown>;
    token?: unknown;
  };
  const refuse = (why: string): never => {
    throw new Error(`Alexa would refuse this Connections.StartConnection: ${why}`);
  };
  if (uri !== 'connection://AMAZON.AskForPermissionsConsent/2') {
    refuse(`uri must be connection://AMAZON.AskForPermissionsConsent/2, got ${String(uri)}`);
  }
  if (input?.['@type'] !== 'AskForPermissionsConsentRequest')
    refuse('input.@type must be AskForPermissionsConsentRequest');
  if (input?.['@version'] !== '2') refuse('input.@version must be "2"');
  const scopes = input?.permissionScopes;
  if (!Array.isArray(scopes) || scopes.length === 0)
    refuse('input.permissionScopes must be a non-empty list');
  const checked = (scopes as unknown[]).map((item) => {
    const { permissionScope, consentLevel } = (item ?? {}) as Record<string, unknown>;
    const levels = levelsByScope[String(permissionScope)];
    if (!levels) return refuse(`${String(permissionScope)} is no voice-forward consent scope`);
    if (!levels.includes(consentLevel as 'ACCOUNT')) {
      return refuse(
        `${String(permissionScope)} takes consentLevel ${levels.join(' or ')}, got ${String(consentLevel)}`,
      );
    }
    return { permissionScope: String(permissionScope), consentLevel: consentLevel as 'ACCOUNT' | 'PERSON' };
  });
  if (token !== undefined && typeof token !== 'string') refuse('token must be a string');
  return { token: (token as string | undefined) ?? '', scopes: checked };
}

/** The `cause` of the SessionResumedRequest after the user answered (or Alexa could not ask: code ≠ 200). */
export function consentCompleted(
  request: ConsentRequest,
  answer: ConsentAnswer,
  code: '200' | '204' | '400' | '500' = '200',
): { token: string; code: string; result: { status: ConsentAnswer } } {
  return { token: request.token, code, result: { status: answer } };
}
