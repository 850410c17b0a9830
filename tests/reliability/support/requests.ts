import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  type EnvelopeContext,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  simulatorContext,
} from '../../../tools/simulator/envelope.js';
import type { SkillHandler } from '../../../tools/simulator/session.js';
import { testSkillId } from '../../support/skill.js';

/**
 * Request envelopes Alexa really sends that the simulator never produces, in the shapes of the
 * Request and Response JSON Reference, plus helpers to send them and read the answer.
 */

export function context(overrides: Partial<EnvelopeContext> = {}): EnvelopeContext {
  return simulatorContext({ skillId: testSkillId, ...overrides });
}

function base(): { requestId: string; timestamp: string; locale: string } {
  return {
    requestId: `amzn1.echo-api.request.${randomUUID()}`,
    timestamp: `${new Date().toISOString().slice(0, 19)}Z`,
    locale: 'nl-NL',
  };
}

/** An envelope with a session (as for a launch) whose request is replaced by `request`. */
function inSession(ctx: EnvelopeContext, request: object): RequestEnvelope {
  const envelope = launchRequest(ctx);
  return { ...envelope, request: { ...base(), ...request } as RequestEnvelope['request'] };
}

/** An envelope without a session (System and AudioPlayer requests come like this). */
function outOfSession(ctx: EnvelopeContext, request: object): RequestEnvelope {
  const { session: _session, ...envelope } = launchRequest(ctx);
  return { ...envelope, request: { ...base(), ...request } as RequestEnvelope['request'] };
}

export interface OddRequest {
  name: string;
  envelope: RequestEnvelope;
  /** Alexa ignores or forbids speech in the answer to this request. */
  silent: boolean;
}

/** One of each request type Alexa sends besides launches and intents. */
export function oddRequests(ctx: EnvelopeContext = context({ newSession: false })): OddRequest[] {
  return [
    {
      name: 'SessionEndedRequest with ERROR',
      envelope: sessionEndedRequest(ctx, 'ERROR', {
        type: 'INVALID_RESPONSE',
        message: 'An exception occurred while dispatching the request to the skill.',
      }),
      silent: true,
    },
    {
      name: 'System.ExceptionEncountered',
      envelope: outOfSession(ctx, {
        type: 'System.ExceptionEncountered',
        error: { type: 'INVALID_RESPONSE', message: 'Invalid SSML' },
        cause: { requestId: `amzn1.echo-api.request.${randomUUID()}` },
      }),
      silent: true,
    },
    {
      name: 'CanFulfillIntentRequest',
      envelope: inSession(
        { ...ctx, newSession: true },
        {
          type: 'CanFulfillIntentRequest',
          intent: {
            name: 'ExerciseIntent',
            confirmationStatus: 'NONE',
            slots: { exercise: { name: 'exercise', value: 'de brug', confirmationStatus: 'NONE' } },
          },
        },
      ),
      silent: false,
    },
    {
      name: 'Connections.Response',
      envelope: inSession(ctx, {
        type: 'Connections.Response',
        name: 'AskFor',
        status: { code: '200', message: 'OK' },
        payload: { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status: 'DENIED' },
        token: 'reminder',
      }),
      silent: false,
    },
    {
      name: 'SessionResumedRequest',
      envelope: inSession(ctx, {
        type: 'SessionResumedRequest',
        cause: {
          type: 'ConnectionCompleted',
          token: 'reminder',
          status: { code: '200', message: 'OK' },
          result: { status: 'ACCEPTED' },
        },
      }),
      silent: false,
    },
    {
      name: 'Alexa.Presentation.APL.UserEvent',
      envelope: inSession(ctx, {
        type: 'Alexa.Presentation.APL.UserEvent',
        token: 'rug-coach',
        arguments: ['volgende', { '<b>': '&' }],
        source: { type: 'TouchWrapper', handler: 'Press', id: 'next' },
      }),
      silent: false,
    },
  ];
}

export { intentRequest, launchRequest };

export interface Answer {
  response: ResponseEnvelope;
  ssml: string | undefined;
  repromptSsml: string | undefined;
  /** False only when the skill keeps listening (shouldEndSession false). */
  ends: boolean;
  ms: number;
}

/** Sends one envelope and reads the answer the way Alexa would. */
export async function send(handler: SkillHandler, envelope: RequestEnvelope): Promise<Answer> {
  const started = performance.now();
  const response = await handler(envelope, { awsRequestId: envelope.request.requestId });
  const ms = performance.now() - started;
  const speech = response.response.outputSpeech;
  const reprompt = response.response.reprompt?.outputSpeech;
  return {
    response,
    ssml: speech?.type === 'SSML' ? speech.ssml : speech?.type === 'PlainText' ? speech.text : undefined,
    repromptSsml: reprompt?.type === 'SSML' ? reprompt.ssml : undefined,
    ends: response.response.shouldEndSession !== false,
    ms,
  };
}
