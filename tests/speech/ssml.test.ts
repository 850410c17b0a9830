import { describe, expect, it } from 'vitest';
import { breaksFor, pause, pauseSeconds, renderSsml, say } from '../../lambda/src/speech/ssml.js';
import { breaksIn } from '../../tools/simulator/session.js';
import { ssmlProblems } from '../support/ssml-check.js';

describe('the SSML builder', () => {
  it('escapes text so that nothing a user says can add tags', async () => {
    const ssml = renderSsml([say('<audio src="x"/> & "quotes" \'too\' </speak>')]);
    expect(ssml).not.toContain('<audio');
    expect(ssml).toContain('&lt;audio');
    expect(ssml).toContain('&amp;');
    expect(await ssmlProblems(ssml)).toEqual([]);
  });

  it('splits a 30 second hold into breaks of at most 10 seconds that add up to 30', () => {
    const breaks = breaksIn(renderSsml([say('Houd vast.'), pause(30), say('En loslaten.')]));
    expect(breaks).toEqual([10, 10, 10]);
  });

  it('keeps a remainder: 12.5 seconds is 10 s and 2.5 s', () => {
    expect(breaksIn(`<speak>${breaksFor(12.5)}</speak>`)).toEqual([10, 2.5]);
  });

  it('says no break at all for zero or negative pauses', () => {
    expect(breaksFor(0)).toBe('');
    expect(breaksFor(-3)).toBe('');
  });

  it('drops control characters that would make the XML invalid', () => {
    const ssml = renderSsml([say('tip\u0000 over\u0007 tillen')]);
    expect(ssml).toBe('<speak>tip over tillen</speak>');
  });

  it('wraps slow speech in a prosody tag', async () => {
    const ssml = renderSsml([say('Lig op je rug.')], 'slow');
    expect(ssml).toMatch(/^<speak><prosody rate="\d+%">Lig op je rug\.<\/prosody><\/speak>$/);
    expect(await ssmlProblems(ssml)).toEqual([]);
  });

  it('marks 112 as three digits, and only 112', async () => {
    const ssml = renderSsml([say('Bij levensgevaar bel je 112. Tip 11: juist tillen. Nummer 1120.')]);
    expect(ssml).toBe(
      '<speak>Bij levensgevaar bel je <say-as interpret-as="digits">112</say-as>. Tip 11: juist tillen. Nummer 1120.</speak>',
    );
    expect(await ssmlProblems(ssml)).toEqual([]);
  });

  it('counts the seconds of silence', () => {
    expect(pauseSeconds([say('a'), pause(10), pause(2.5)])).toBe(12.5);
  });
});

describe('the SSML check used by the tests', () => {
  it('finds what Alexa would reject', async () => {
    expect(await ssmlProblems('<speak><break time="11s"/></speak>')).toContain('break of 11s');
    expect(await ssmlProblems('<speak><script>x</script></speak>')).toContain('tag <script> not allowed');
    expect(await ssmlProblems('<speak>a & b</speak>')).toContain('unescaped &');
    expect((await ssmlProblems('<speak><prosody rate="90%">x</speak>')).length).toBeGreaterThan(0);
    expect((await ssmlProblems(`<speak>${'a'.repeat(8000)}</speak>`)).length).toBeGreaterThan(0);
  });
});
