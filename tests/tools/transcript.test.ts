import type { ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import type { HeardTurn } from '../../tools/simulator/session.js';
import { transcript } from '../support/transcript.js';

/** A session that answers every utterance with the next of these texts (the last one ends the session). */
function scripted(...answers: string[]) {
  let n = 0;
  return {
    async say(utterance: string): Promise<HeardTurn> {
      const text = answers[n] ?? '';
      n += 1;
      const ends = n === answers.length;
      const ssml = `<speak>${text}</speak>`;
      const response: ResponseEnvelope = {
        version: '1.0',
        response: {
          outputSpeech: { type: 'SSML', ssml },
          ...(ends ? {} : { reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>En?</speak>' } } }),
          shouldEndSession: ends,
        },
      };
      return {
        utterance,
        intent: 'TestIntent',
        ssml,
        text,
        ...(ends ? {} : { repromptSsml: '<speak>En?</speak>' }),
        pauseSeconds: 0,
        longestBreak: 0,
        sessionEnded: ends,
        response,
      };
    },
  };
}

describe('the transcript helper (tests/support/transcript.ts)', () => {
  it('says each U: line and finds each A: line in its answer: words, content lines, patterns, in order', async () => {
    const turns = await transcript(
      scripted(
        'Welkom bij Rug Coach. Wat wil je doen?',
        'Tip 6: stretchen. Wil je nog een tip?',
        'Tot ziens.',
      ),
    )`
      U: open rug coach
      A: Welkom … ${'Wat wil {something}?'}
      U: geef me een ${'tip'}
      A: ${/^Tip \d+: /} … ${['stretchen.', 'Wil je nog een tip?']}
      A not: ${'Welkom'}
      U: stop
      A: Tot ziens. (end)
    `;
    expect(turns.map((t) => t.utterance)).toEqual(['open rug coach', 'geef me een tip', 'stop']);
  });

  it('fails on words not said, said out of order, said where they must not be, or a session left open', async () => {
    await expect(
      transcript(scripted('Welkom.', 'Tot ziens.'))`
        U: open rug coach
        A: Hallo
      `,
    ).rejects.toThrow(/does not say .*Hallo[\s\S]*U: open rug coach\n {2}A: Welkom\./);
    await expect(
      transcript(scripted('Een. Twee.', 'Tot ziens.'))`
        U: tel
        A: Twee … Een
      `,
    ).rejects.toThrow(/does not say/);
    await expect(
      transcript(scripted('Welkom.', 'Tot ziens.'))`
        U: open rug coach
        A not: Welkom
      `,
    ).rejects.toThrow(/must not/);
    await expect(
      transcript(scripted('Welkom.', 'Tot ziens.'))`
        U: open rug coach
        A: Welkom. (end)
      `,
    ).rejects.toThrow(/keeps the session open/);
    await expect(
      transcript(scripted('Tot ziens.'))`
        U: stop
        A: Tot ziens.
      `,
    ).rejects.toThrow(/ends the session/);
    await expect(transcript(scripted('Hoi.'))`Hallo`).rejects.toThrow(/starts with "U:"/);
  });

  it('keeps a pattern whole and its flags, and checks each part of an "A not:" line on its own', async () => {
    await expect(
      transcript(scripted('Geen zorgen.', 'Tot ziens.'))`
        U: moet ik naar de dokter
        A not: ${/geen zorgen/i}
      `,
    ).rejects.toThrow(/must not/);
    await expect(
      transcript(scripted('Het is bar koud.', 'Tot ziens.'))`
        U: hoe is het weer
        A: Tip ${/foo|bar/}
      `,
    ).rejects.toThrow(/does not say/);
    await expect(
      transcript(scripted('Een. Drie.', 'Tot ziens.'))`
        U: tel
        A not: ${['Twee.', 'Drie.']}
      `,
    ).rejects.toThrow(/must not/);
  });

  it('refuses a line that would check nothing', async () => {
    for (const empty of ['', '{iets}']) {
      await expect(
        transcript(scripted('Welkom.', 'Tot ziens.'))`
          U: open rug coach
          A: ${empty}
        `,
      ).rejects.toThrow(/no words|checks nothing/);
    }
    await expect(
      transcript(scripted('Welkom.', 'Tot ziens.'))`
        U: open rug coach
        A: ${[]}
      `,
    ).rejects.toThrow(/checks nothing/);
    await expect(
      transcript(scripted('Welkom.', 'Tot ziens.'))`
        U: open rug coach
        A: …
      `,
    ).rejects.toThrow(/checks nothing/);
  });

  it('fails when Alexa would not take an answer', async () => {
    await expect(
      transcript(scripted('a & b', 'Tot ziens.'))`
        U: open rug coach
      `,
    ).rejects.toThrow(/Alexa would not take/);
  });
});
