import type { RequestHandler } from 'ask-sdk-core';
import { type DialogMode, inMode } from './context.js';

/**
 * Handlers that only answer while the conversation is in one of `modes`: the questionnaire's ja/nee
 * only while it is open, an offer's ja only while it is offered. The skill lists these groups before
 * the starters and the always-there handlers, so that a mode's own meaning of "ja" comes first.
 */
export function whileIn(modes: readonly DialogMode[], handlers: readonly RequestHandler[]): RequestHandler[] {
  return handlers.map((handler) => ({
    canHandle: (input) => inMode(input, ...modes) && handler.canHandle(input),
    handle: (input) => handler.handle(input),
  }));
}
