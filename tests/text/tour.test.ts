import { describe, expect, it } from 'vitest';
import { wordsBeforeQuestion } from '../../lambda/src/speech/length.js';
import { triageContent } from '../../lambda/src/text/index.js';
import { sentencesOf } from '../../tools/tour.js';
import { tourAnswers } from '../support/tour.js';

const answers = tourAnswers();

/** Short cues a coach says as they are: counts, countdowns, praise and greetings. */
const cues = [
  /^(Eén|Één|Twee|Drie|Vier|Vijf|Zes|Zeven|Acht|Negen|Tien)\.$/,
  /^\p{Lu}\p{Ll}+ keer\.$/u,
  /^Nog \p{Ll}+ seconden\.$/u,
  /^En loslaten\.$/,
  /^Goed gedaan[.!]$/,
  /^Beterschap!$/,
  /^Goed\.$/,
  /^Tip \d+: [\p{Ll} -]+\.$/u,
  /^Welkom (terug )?bij Rug Coach\.$/,
  /^Tot de volgende keer[.!]$/,
];

/** Imperatives the article writes without articles ("Houd last dicht bij lichaam"). */
const imperative = /^(houd|til|hurk|draai|buig|sta|zit|wissel|lig|trek|kantel|herhaal|leg|zet|gebruik)\b/i;
const determiner = /(^|\s)(je|jouw|de|het|een|één|elke|beide|ze|hem|dat|dit|die|dan|zo|er)(?=[\s,.!?]|$)/i;

/** A sentence a person would say has a verb or a subject; the article's bullets often have neither. */
const speechWords =
  /\b(je|jij|ik|we|wij|het|er|dat|die|dit|zij|ze|is|zijn|wordt|worden|kan|kun|kunt|mag|moet|wil|zal|heb|hebt|heeft|doe|doet|zeg|ga|gaat|geldt|komen|komt|staat|zit|til|houd|neem|bel|maak|laat|kies|eet|beweeg|stretch|vermijd|probeer|zorg|raadpleeg|versterk|blijf|start|trek|kantel|rond|hol|wissel|buig|sta|hurk|leg|gebruik|lukt|val|word|straalt|beperkt|begon|ontspant|veroorzaakt|belast|ondersteunen|ondersteunt|bevordert|remt|puilt|helpen|houdt|krijgt|geeft|tel|duurt|begint|spelen|stop|wis)\b/i;

function fragmentProblems(sentence: string): string[] {
  if (cues.some((cue) => cue.test(sentence))) return [];
  const problems: string[] = [];
  if (/[()]/.test(sentence)) problems.push('parentheses');
  // A colon only before a command to say ("Zeg bijvoorbeeld: geef me een tip").
  if (/:/.test(sentence) && !/^Zeg\b|\b(zeggen|zeg|bijvoorbeeld|vraag|of): /i.test(sentence))
    problems.push('colon');
  if (/\d/.test(sentence.replace(/\b112\b/g, ''))) problems.push('digits');
  if (/\b(core|bridge)\b|\d+x\b/i.test(sentence)) problems.push('English or shorthand');
  if (/\bNederlandseGids\b|lenderug|kantelilng/.test(sentence))
    problems.push('the article’s typo or spelling');
  if (!speechWords.test(sentence)) problems.push('no subject or verb');
  const rest = sentence.replace(imperative, '').trim().split(/\s+/);
  if (imperative.test(sentence) && rest.length >= 3 && !determiner.test(sentence.replace(imperative, '')))
    problems.push('no articles');
  return problems;
}

describe('every answer of the tour', () => {
  it('covers launch, tips, info, exercises, the questions, reminders and deletion', () => {
    expect(answers.length).toBeGreaterThan(80);
    const sessions = new Set(answers.map((a) => a.session));
    for (const name of ['launch', 'tips', 'info', 'routine', 'all no', 'reminders', 'delete']) {
      expect(sessions).toContain(name);
    }
  });

  it('says at most 60 words outside an exercise before it asks something', () => {
    const long = answers
      .filter((a) => !a.inExercise)
      .map((a) => ({ said: a.utterance, words: wordsBeforeQuestion(a.turn.text) }))
      .filter((a) => a.words > 60);
    expect(long).toEqual([]);
  });

  it('speaks in sentences: no parentheses, stray colons, digits, English or telegraphic fragments', () => {
    const problems = answers.flatMap((a) =>
      sentencesOf(a.turn.text).flatMap((sentence) =>
        fragmentProblems(sentence).map((problem) => `${problem}: "${sentence}" (${a.utterance})`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('never says a placeholder', () => {
    for (const a of answers) expect(a.turn.text, a.utterance).not.toMatch(/[{}]/);
  });

  it('marks every 112 to be read as digits', () => {
    const with112 = answers.filter((a) => a.turn.text.includes('112'));
    expect(with112.length).toBeGreaterThan(5);
    for (const a of with112) {
      expect(a.turn.ssml.replaceAll('<say-as interpret-as="digits">112</say-as>', '')).not.toContain('112');
    }
  });

  it('says the direct criteria as "nu direct", never "vandaag"', () => {
    const direct = answers.filter((a) => /direct contact op te nemen/.test(a.turn.text));
    expect(direct.length).toBeGreaterThanOrEqual(2);
    for (const a of direct) expect(a.turn.text).toContain(triageContent.outcomes.direct.action[0]);
    for (const a of answers) expect(a.turn.text).not.toMatch(/vandaag nog contact/);
  });
});

describe('the fragment check itself', () => {
  it('catches the article read aloud', () => {
    expect(fragmentProblems('Houd last dicht bij lichaam.')).not.toEqual([]);
    expect(fragmentProblems('Warmtepleisters.')).toContain('no subject or verb');
    expect(fragmentProblems('Kantel bekken naar achteren (rug plat).')).toContain('parentheses');
    expect(fragmentProblems('Bij aanhoudende klachten: Gerichte oefeningen.')).toContain('colon');
    expect(fragmentProblems('Houd 5 tot 10 seconden.')).toContain('digits');
    expect(fragmentProblems('Tip 7: Core versterken.')).not.toEqual([]);
  });

  it('lets a sentence for the ear pass', () => {
    expect(fragmentProblems('Houd de last dicht bij je lichaam.')).toEqual([]);
    expect(fragmentProblems('Zeg bijvoorbeeld: geef me een tip.')).toEqual([]);
    expect(fragmentProblems('Bij levensgevaar bel je 112.')).toEqual([]);
  });
});
