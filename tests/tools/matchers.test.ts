import type { ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { prompts } from '../../lambda/src/text/index.js';

const envelope = (response: ResponseEnvelope['response']): ResponseEnvelope => ({ version: '1.0', response });
const speech = (ssml: string) => ({ type: 'SSML' as const, ssml });

describe('the shared matchers (tests/support/matchers.ts)', () => {
  it('toSay: a content line with its placeholders filled in by any words, every line of a list, a pattern', () => {
    expect('Tip 6: stretchen. Wil je nog een tip?').toSay('Tip {number}: {title}.');
    expect('Tip 6: stretchen.').not.toSay('Tip {number}: {title}. Wil je nog een tip?');
    expect(`${prompts.welcomeBack.join(' ')} En verder?`).toSay(prompts.welcomeBack);
    expect('Welkom terug bij Rug Coach.').not.toSay(['Welkom terug bij Rug Coach.', 'Tot de volgende keer.']);
    expect('nog tien seconden').toSay(/nog \w+ seconden/);
    expect(() => expect('iets anders').toSay('Welkom')).toThrow(/to say/);
  });

  it('toBeAValidAlexaAnswer: accepts a proper answer, and names what Alexa would reject', async () => {
    await expect(
      envelope({
        outputSpeech: speech('<speak>Hoi.</speak>'),
        reprompt: { outputSpeech: speech('<speak>En?</speak>') },
        shouldEndSession: false,
      }),
    ).toBeAValidAlexaAnswer();
    await expect(
      envelope({ outputSpeech: speech('<speak>Hoi.</speak>'), shouldEndSession: false }),
    ).not.toBeAValidAlexaAnswer();
    await expect(envelope({ outputSpeech: speech('<speak>a & b</speak>') })).not.toBeAValidAlexaAnswer();
    await expect(
      expect(
        envelope({ outputSpeech: speech('<speak><break time="11s"/></speak>') }),
      ).toBeAValidAlexaAnswer(),
    ).rejects.toThrow(/break of 11s/);
  });
});
