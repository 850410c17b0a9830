import { createHash, randomUUID } from 'node:crypto';
import type {
  Context,
  events,
  IntentRequest,
  LaunchRequest,
  Permissions,
  RequestEnvelope,
  SessionEndedReason,
  SessionEndedRequest,
  SessionResumedRequest,
  Slot,
  SupportedInterfaces,
  slu,
} from 'ask-sdk-model';

/**
 * Builders of request envelopes in the shape Alexa sends them (Request and Response JSON Reference),
 * so the simulator and the tests drive the real skill handler with real-looking input.
 */

export interface EnvelopeContext {
  skillId: string;
  userId: string;
  deviceId: string;
  sessionId: string;
  newSession: boolean;
  attributes: Record<string, unknown>;
  locale: string;
  apiEndpoint: string;
  supportedInterfaces?: SupportedInterfaces;
  /** The token for Alexa's APIs (reminders); a fresh random one per request when not given. */
  apiAccessToken?: string;
  /** What the user allowed the skill (context.System.user.permissions); none when not given. */
  permissions?: Permissions;
  /** Defaults to the current time; tests pass a fixed clock. */
  now?: () => Date;
}

/** A slot as the resolver fills it; `type` names the resolution authority for custom slot types. */
export interface SlotInput {
  value: string;
  id?: string;
  name?: string;
  matched?: boolean;
  type?: string;
}

/** A context with fresh simulator ids; override any field. */
export function simulatorContext(overrides: Partial<EnvelopeContext> = {}): EnvelopeContext {
  return {
    skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
    userId: `amzn1.ask.account.SIM${randomUUID().replaceAll('-', '').toUpperCase()}`,
    deviceId: `amzn1.ask.device.SIM${randomUUID().replaceAll('-', '').toUpperCase()}`,
    sessionId: `amzn1.echo-api.session.${randomUUID()}`,
    newSession: true,
    attributes: {},
    locale: 'nl-NL',
    apiEndpoint: 'https://api.eu.amazonalexa.com',
    ...overrides,
  };
}

export function launchRequest(ctx: EnvelopeContext): RequestEnvelope {
  const request: LaunchRequest = { type: 'LaunchRequest', ...requestBase(ctx), locale: ctx.locale };
  return { version: '1.0', session: session(ctx), context: context(ctx), request };
}

/**
 * An IntentRequest. `declared` lists the intent's slots (from the model); Alexa sends every declared
 * slot, with no value when the user did not fill it.
 */
export function intentRequest(
  ctx: EnvelopeContext,
  name: string,
  slots: Record<string, SlotInput> = {},
  declared: readonly { name: string }[] = [],
): RequestEnvelope {
  const all: Record<string, Slot> = {};
  for (const { name: slotName } of declared) {
    all[slotName] = { name: slotName, confirmationStatus: 'NONE' };
  }
  for (const [slotName, input] of Object.entries(slots)) all[slotName] = slot(ctx, slotName, input);
  const request: IntentRequest = {
    type: 'IntentRequest',
    ...requestBase(ctx),
    locale: ctx.locale,
    // This skill has no dialog model; Alexa reports a single-turn intent as complete.
    dialogState: 'COMPLETED',
    intent: {
      name,
      confirmationStatus: 'NONE',
      ...(Object.keys(all).length > 0 ? { slots: all } : {}),
    },
  };
  return { version: '1.0', session: session(ctx), context: context(ctx), request };
}

export function sessionEndedRequest(
  ctx: EnvelopeContext,
  reason: SessionEndedReason,
  error?: SessionEndedRequest['error'],
): RequestEnvelope {
  const request: SessionEndedRequest = {
    type: 'SessionEndedRequest',
    ...requestBase(ctx),
    locale: ctx.locale,
    reason,
    ...(error ? { error } : {}),
  };
  return { version: '1.0', session: session(ctx), context: context(ctx), request };
}

/** The skill-disabled event has a body the SDK's type leaves out; Alexa sends it. */
type SkillDisabledEvent = events.skillevents.SkillDisabledRequest & {
  body: { userInformationPersistenceStatus: 'PERSISTED' | 'NOT_PERSISTED' };
};

/** AlexaSkillEvent.SkillDisabled: sent out of session, so no `session` and no device. */
export function skillDisabledEvent(ctx: EnvelopeContext): RequestEnvelope {
  const time = (ctx.now ?? (() => new Date()))().toISOString();
  const request: SkillDisabledEvent = {
    type: 'AlexaSkillEvent.SkillDisabled',
    ...requestBase(ctx),
    eventCreationTime: time,
    eventPublishingTime: time,
    body: { userInformationPersistenceStatus: 'NOT_PERSISTED' },
  };
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: ctx.skillId },
        user: { userId: ctx.userId },
        apiEndpoint: ctx.apiEndpoint,
        apiAccessToken: accessToken(ctx.userId),
      },
    },
    request,
  };
}

/** A device with a screen (Echo Show): it declares the APL interface. */
export const screenInterfaces: SupportedInterfaces = {
  'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } },
};

/** Permissions of a user who allowed reminders (the consent token Alexa sends once any is granted). */
export function remindersGranted(): Permissions {
  return {
    consentToken: `simulator.consent.${randomUUID()}`,
    scopes: { 'alexa::alerts:reminders:skill:readwrite': { status: 'GRANTED' } },
  };
}

/** The result of a Connections.StartConnection task, e.g. the user's answer to a permission question. */
export interface ConnectionResult {
  /** The token the skill put on its StartConnection directive. */
  token: string;
  /** The task's own result; for a permission question { status: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED' } (see consent.ts). */
  result?: Record<string, unknown>;
  /** '200' when the task ran; anything else when Alexa could not run it. */
  code?: string;
}

/** SessionResumedRequest: Alexa hands the session back after a Connections.StartConnection task. */
export function sessionResumedRequest(ctx: EnvelopeContext, connection: ConnectionResult): RequestEnvelope {
  const code = connection.code ?? '200';
  const request: SessionResumedRequest = {
    type: 'SessionResumedRequest',
    ...requestBase(ctx),
    locale: ctx.locale,
    cause: {
      type: 'ConnectionCompleted',
      token: connection.token,
      status: { code, message: code === '200' ? 'OK' : 'Error' },
      ...(connection.result ? { result: connection.result } : {}),
    },
  };
  return { version: '1.0', session: session(ctx), context: context(ctx), request };
}

function requestBase(ctx: EnvelopeContext): { requestId: string; timestamp: string } {
  const now = (ctx.now ?? (() => new Date()))();
  // Alexa's timestamps have second precision.
  return {
    requestId: `amzn1.echo-api.request.${randomUUID()}`,
    timestamp: `${now.toISOString().slice(0, 19)}Z`,
  };
}

function session(ctx: EnvelopeContext): NonNullable<RequestEnvelope['session']> {
  return {
    new: ctx.newSession,
    sessionId: ctx.sessionId,
    application: { applicationId: ctx.skillId },
    // Alexa omits attributes on a new session.
    ...(ctx.newSession ? {} : { attributes: structuredClone(ctx.attributes) }),
    user: { userId: ctx.userId },
  };
}

function context(ctx: EnvelopeContext): Context {
  return {
    System: {
      application: { applicationId: ctx.skillId },
      user: { userId: ctx.userId, ...(ctx.permissions ? { permissions: ctx.permissions } : {}) },
      device: { deviceId: ctx.deviceId, supportedInterfaces: ctx.supportedInterfaces ?? {} },
      apiEndpoint: ctx.apiEndpoint,
      apiAccessToken: ctx.apiAccessToken ?? accessToken(ctx.userId),
    },
  };
}

/**
 * A fresh token per request, as Alexa gives; like Alexa's, it stands for one user (a key of the user
 * id in its middle), so the Reminders API stand-in keeps each user's reminders apart.
 */
function accessToken(userId: string): string {
  return `simulator.${createHash('sha256').update(userId).digest('hex').slice(0, 16)}.${randomUUID()}`;
}

function slot(ctx: EnvelopeContext, name: string, input: SlotInput): Slot {
  const resolutions = resolutionsFor(ctx, input);
  return {
    name,
    value: input.value,
    confirmationStatus: 'NONE',
    ...(resolutions ? { resolutions } : {}),
    slotValue: { type: 'Simple', value: input.value, ...(resolutions ? { resolutions } : {}) },
  };
}

/** Entity resolution for custom slot types; built-in types such as AMAZON.SearchQuery have none. */
function resolutionsFor(
  ctx: EnvelopeContext,
  input: SlotInput,
): slu.entityresolution.Resolutions | undefined {
  if (!input.type || input.type.startsWith('AMAZON.')) return undefined;
  const authority = `amzn1.er-authority.echo-sdk.${ctx.skillId}.${input.type}`;
  if (input.matched === false || !input.id) {
    // Alexa sends no `values` with ER_SUCCESS_NO_MATCH, although the SDK's type marks it required.
    const noMatch = { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as slu.entityresolution.Resolution;
    return { resolutionsPerAuthority: [noMatch] };
  }
  return {
    resolutionsPerAuthority: [
      {
        authority,
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: input.name ?? input.value, id: input.id } }],
      },
    ],
  };
}
