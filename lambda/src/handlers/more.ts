import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { moreCauses } from '../knowledge/info.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import * as triage from '../triage/index.js';
import { type MoreId, setDialog } from './context.js';
import { ask } from './respond.js';

/**
 * "ja" to "Wil je de rest horen?": the next part of something too long for one turn. A part that has
 * a part after it offers that one in turn.
 */
export function speakMore(input: HandlerInput, more: MoreId): Response {
  switch (more) {
    case 'oorzaken':
      setDialog(input, { mode: 'idle' });
      return ask(input, join(moreCauses(), ...prompts.infoFollowUp), join(...prompts.whatNextReprompt));
    case 'rode-vlaggen':
      setDialog(input, { mode: 'tipOffer', more: 'afspraak-vlaggen' });
      return ask(input, triage.directFlagsSpeech(), join(...prompts.moreReprompt));
    case 'afspraak-vlaggen':
      setDialog(input, { mode: 'idle' });
      return ask(
        input,
        join(triage.appointmentFlagsSpeech(), ...prompts.whatNext),
        join(...prompts.whatNextReprompt),
      );
  }
}
