import type { RequestEnvelope, ResponseEnvelope, SessionEndedReason } from 'ask-sdk-model';
import {
  type EnvelopeContext,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  simulatorContext,
} from './envelope.js';
import { declaredSlots, type Understanding } from './nlu/index.js';

export type SkillHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

/** What Alexa would do with one response: what it says, how long it stays silent, whether it listens. */
export interface HeardTurn {
  utterance: string;
  /** The intent the utterance resolved to ('LaunchRequest' for a launch). */
  intent: string;
  ssml: string;
  /** The speech as text, with each pause written as "[10s]". */
  text: string;
  repromptSsml?: string;
  /** Total seconds of `<break>` in the speech. */
  pauseSeconds: number;
  /** The longest single break, in seconds. */
  longestBreak: number;
  sessionEnded: boolean;
  response: ResponseEnvelope;
}

/** Mentions of the invocation name start a new session, as they do on a real device. */
const invocation = /\brug\s*coach\b/i;

/** Seconds of one `time` attribute ("10s", "2500ms"). */
export function breakSeconds(time: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(time.trim());
  if (!match) return Number.NaN;
  return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
}

export function breaksIn(ssml: string): number[] {
  return [...ssml.matchAll(/<break\s+time="([^"]+)"\s*\/>/g)].map((m) => breakSeconds(m[1] ?? ''));
}

/** SSML as readable text: pauses as "[Ns]", other tags dropped, entities decoded. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break\s+time="([^"]+)"\s*\/>/g, (_, time: string) => ` [${breakSeconds(time)}s] `)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A voice session against a skill handler, as Alexa would run it: utterances are resolved against the
 * interaction model, sent as real request envelopes, and the session attributes are carried along.
 */
export class VoiceSession {
  private ctx: EnvelopeContext;
  private open = false;
  readonly turns: HeardTurn[] = [];

  constructor(
    private readonly handler: SkillHandler,
    private readonly understanding: Understanding,
    context: Partial<EnvelopeContext> = {},
  ) {
    this.ctx = simulatorContext(context);
  }

  get context(): EnvelopeContext {
    return this.ctx;
  }

  get isOpen(): boolean {
    return this.open;
  }

  get last(): HeardTurn {
    const turn = this.turns.at(-1);
    if (!turn) throw new Error('nothing was said yet');
    return turn;
  }

  /** Says one utterance; a launch phrase or one-shot starts a new session. */
  async say(utterance: string): Promise<HeardTurn> {
    const resolution = await this.understanding.understand(utterance);
    if (invocation.test(utterance) || !this.open) {
      // Invoking the skill again ends the session that was still open, as on a device.
      await this.end('USER_INITIATED');
      this.startSession();
    }
    if (resolution.kind === 'launch' || (resolution.kind === 'none' && invocation.test(utterance))) {
      return this.send(utterance, 'LaunchRequest', launchRequest(this.ctx));
    }
    const name = resolution.kind === 'intent' ? resolution.name : 'AMAZON.FallbackIntent';
    const slots = resolution.kind === 'intent' ? resolution.slots : {};
    return this.send(
      utterance,
      name,
      intentRequest(this.ctx, name, slots, declaredSlots(this.understanding.model, name)),
    );
  }

  /** Sends an intent directly, bypassing the resolver (for requests no utterance produces). */
  async sendIntent(name: string, slots: Parameters<typeof intentRequest>[2] = {}): Promise<HeardTurn> {
    if (!this.open) this.startSession();
    return this.send(
      name,
      name,
      intentRequest(this.ctx, name, slots, declaredSlots(this.understanding.model, name)),
    );
  }

  /** Sends a request that no utterance produces (e.g. SessionResumedRequest), in the open session. */
  async sendRequest(label: string, build: (ctx: EnvelopeContext) => RequestEnvelope): Promise<HeardTurn> {
    if (!this.open) this.startSession();
    const envelope = build(this.ctx);
    return this.send(label, envelope.request.type, envelope);
  }

  /** Changes what later requests carry (e.g. permissions the user granted). */
  update(context: Partial<EnvelopeContext>): void {
    this.ctx = { ...this.ctx, ...context };
  }

  /** The session ends without a word from the user (timeout after the reprompt, or the user left). */
  async end(reason: SessionEndedReason = 'EXCEEDED_MAX_REPROMPTS'): Promise<HeardTurn | undefined> {
    if (!this.open) return undefined;
    const turn = await this.send('', 'SessionEndedRequest', sessionEndedRequest(this.ctx, reason));
    this.open = false;
    return turn;
  }

  private startSession(): void {
    this.ctx = simulatorContext({
      ...this.ctx,
      sessionId: simulatorContext().sessionId,
      newSession: true,
      attributes: {},
    });
    this.open = true;
  }

  private async send(utterance: string, intent: string, envelope: RequestEnvelope): Promise<HeardTurn> {
    const response = await this.handler(envelope, { awsRequestId: envelope.request.requestId });
    const speech = response.response.outputSpeech;
    const ssml = speech?.type === 'SSML' ? speech.ssml : speech?.type === 'PlainText' ? speech.text : '';
    const reprompt = response.response.reprompt?.outputSpeech;
    const breaks = breaksIn(ssml);
    // A skill connection (e.g. Alexa asking for a permission) keeps the session: it resumes afterwards.
    const handsOver = (response.response.directives ?? []).some(
      (d) => d.type === 'Connections.StartConnection',
    );
    const ending = response.response.shouldEndSession;
    const sessionEnded = ending === true || (ending === undefined && !handsOver);
    const turn: HeardTurn = {
      utterance,
      intent,
      ssml,
      text: ssmlToText(ssml),
      ...(reprompt?.type === 'SSML' ? { repromptSsml: reprompt.ssml } : {}),
      pauseSeconds: breaks.reduce((a, b) => a + b, 0),
      longestBreak: breaks.length > 0 ? Math.max(...breaks) : 0,
      sessionEnded,
      response,
    };
    this.turns.push(turn);
    this.ctx = {
      ...this.ctx,
      newSession: false,
      attributes: (response.sessionAttributes as Record<string, unknown> | undefined) ?? {},
    };
    if (sessionEnded) this.open = false;
    return turn;
  }
}
