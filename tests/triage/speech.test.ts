import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { estimatedSeconds, join, renderSsml, type Speech, wordCount } from '../../lambda/src/speech/ssml.js';
import { spoken, triageContent } from '../../lambda/src/text/index.js';
import {
  adviceFor,
  appointmentFlagsSpeech,
  currentQuestion,
  currentReprompt,
  directFlagsSpeech,
  type EscalationCause,
  openingTurn,
  outcomeSpeech,
  questionAt,
  questionCount,
  replyTurn,
  type TriageOutcome,
  type TriageState,
} from '../../lambda/src/triage/index.js';
import { defined } from '../../tools/defined.js';

const plain = (speech: Speech) =>
  speech
    .map((part) => (part.kind === 'text' ? part.text : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

const directIds = article.doctor.directContact.map((flag) => flag.id);
const appointmentIds = article.doctor.appointment.map((flag) => flag.id);
const causes: EscalationCause[] = ['named', 'yes', 'unsure'];

const urgentOutcomes: TriageOutcome[] = causes.flatMap((because) => [
  ...directIds.map((id): TriageOutcome => ({ level: 'direct', flagIds: [id], because })),
  ...appointmentIds.map((id): TriageOutcome => ({ level: 'appointment', flagIds: [id], because })),
]);
const selfCare: TriageOutcome = { level: 'selfCare' };
const states: TriageState[] = Array.from({ length: questionCount }, (_, question) => ({ v: 1, question }));

const reassurance = ['niet nodig', 'geen zorgen', 'onschuldig', 'vanzelf over', 'niets aan de hand'];

/** Valid SSML for Alexa: one speak element, only break and prosody tags inside, every & an entity. */
function expectValidSsml(ssml: string): void {
  expect(ssml.startsWith('<speak>') && ssml.endsWith('</speak>')).toBe(true);
  const inner = ssml
    .slice('<speak>'.length, -'</speak>'.length)
    .replace(/<break time="\d+(?:ms|s)"\/>/g, '')
    .replace(/^<prosody rate="\d+%">(.*)<\/prosody>$/, '$1');
  expect(inner.replace(/<say-as interpret-as="digits">112<\/say-as>/g, '112')).not.toMatch(/[<>]/);
  expect(inner).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  expect(ssml.length).toBeLessThan(alexaLimits.maxSsmlChars);
}

describe('what the doctor questions sound like', () => {
  it('says what to do now for a direct flag: now, the out-of-hours post, 112', () => {
    const said = plain(adviceFor('mijn been tintelt').speech);
    expect(said).toContain('tintelingen');
    expect(said).toContain('direct contact op te nemen met je huisarts');
    expect(said).toContain(
      'Neem nu direct contact op met je huisarts, of buiten kantooruren met de huisartsenpost. Bij levensgevaar bel je 112.',
    );
    expect(said).not.toMatch(/vandaag/);
  });

  it('tells the user to make an appointment, and offers the direct questions it has not asked', () => {
    const turn = adviceFor('het wordt steeds erger');
    const said = plain(turn.speech);
    expect(said).toContain('Maak een afspraak met je huisarts.');
    expect(said.endsWith(triageContent.outcomes.appointment.offerDirectQuestions)).toBe(true);
    expect(turn.state === null && turn.offer).toEqual({
      kind: 'directQuestions',
      start: { v: 1, question: 0, noted: ['erger'] },
    });
  });

  it('after the direct questions were answered, an appointment advice offers nothing more', () => {
    let turn = openingTurn();
    while (turn.state && questionAt(turn.state).flags.every((f) => directIds.includes(f)))
      turn = replyTurn(turn.state, 'no');
    if (!turn.state) throw new Error('the questions ended before the appointment ones');
    const advice = replyTurn(turn.state, 'yes');
    expect(advice.outcome).toMatchObject({ level: 'appointment', because: 'yes' });
    expect(advice.state === null && advice.offer).toBeUndefined();
  });

  it('says the 112 sentence before the first question, and asks only one question per turn', () => {
    const opening = plain(openingTurn().speech);
    expect(opening.indexOf('112')).toBeLessThan(opening.indexOf('?'));
    expect(opening.match(/\?/g)).toHaveLength(1);
    for (const state of states) expect(plain(currentQuestion(state)).match(/\?/g)).toHaveLength(1);
  });

  it('asks about the bladder and bowel both ways: cannot hold, and cannot pass', () => {
    const bladder = defined(states.find((state) => questionAt(state).flags.includes('blaas-darm')));
    const asked = plain(currentQuestion(bladder));
    expect(asked).toMatch(/niet ophouden/);
    expect(asked).toMatch(/lukt het je juist niet om te plassen/);
  });

  it('counts legs that go weak with numbness, as a safety addition', () => {
    const numb = defined(states.find((state) => questionAt(state).flags.includes('gevoelloos-tintelingen')));
    expect(plain(currentQuestion(numb))).toMatch(/benen slap/);
    expect(questionAt(numb).safetyAddition).toBe('slappe-benen');
    expect(spoken.safety['slappe-benen']?.why).toMatch(/article names only/);
  });

  it.each(urgentOutcomes.map((outcome) => [outcome]))('no reassurance in urgent advice %o', (outcome) => {
    const said = plain(outcomeSpeech(outcome)).toLowerCase();
    for (const words of reassurance) expect(said).not.toContain(words);
  });

  it('never reassures in a question or an opening', () => {
    const all = [
      ...states.flatMap((state) => [currentQuestion(state), currentReprompt(state)]),
      openingTurn().speech,
      adviceFor('ik heb rugpijn').speech,
    ];
    for (const speech of all) {
      for (const words of reassurance) expect(plain(speech).toLowerCase()).not.toContain(words);
    }
  });

  it('after twelve times no: that most back pain passes, in 45 words or fewer, offering the red flags', () => {
    let turn = openingTurn();
    while (turn.state) turn = replyTurn(turn.state, 'no');
    expect(turn.outcome).toEqual(selfCare);
    const said = plain(turn.speech);
    expect(said).toContain('De meeste rugpijn is onschuldig en gaat vanzelf over');
    expect(wordCount(said)).toBeLessThanOrEqual(45);
    expect(said.endsWith(triageContent.outcomes.selfCare.offerFlags)).toBe(true);
    expect(turn.state === null && turn.offer).toEqual({ kind: 'redFlags' });
    for (const flag of Object.values(spoken.criteria)) expect(said).not.toContain(flag.say);
  });

  it('says every red flag when they are asked for, in sentences', () => {
    const said = plain(join(directFlagsSpeech(), appointmentFlagsSpeech()));
    for (const sentence of [...spoken.redFlags.direct, ...spoken.redFlags.appointment])
      expect(said).toContain(sentence.say);
  });

  it('ends every outcome with the disclaimer', () => {
    for (const outcome of [...urgentOutcomes, selfCare]) {
      const said = plain(outcomeSpeech(outcome));
      expect(said.endsWith(triageContent.disclaimer) || said.includes(`${triageContent.disclaimer} `)).toBe(
        true,
      );
    }
  });

  it('starts the questionnaire for a symptom it does not recognise, with 112 for emergencies', () => {
    const turn = adviceFor('ik heb een raar soort pijn');
    expect(turn.outcome).toBeNull();
    expect(turn.state).toEqual({ v: 1, question: 0 });
    expect(plain(turn.speech)).toContain(plain(currentQuestion({ v: 1, question: 0 })));
    expect(plain(turn.speech)).toContain('112');
    expect(turn.reprompt && plain(turn.reprompt)).toContain('ja, nee of weet ik niet');
  });

  it('announces the appointment questions once, when they begin', () => {
    let turn = openingTurn();
    const heard: string[] = [];
    while (turn.state) {
      turn = replyTurn(turn.state, 'no');
      heard.push(plain(turn.speech));
    }
    expect(heard.filter((said) => said.includes(triageContent.appointmentSection))).toHaveLength(1);
  });

  it("renders every question, reprompt and outcome to valid SSML within Alexa's limits", () => {
    const speeches = [
      ...states.flatMap((state) => [currentQuestion(state), currentReprompt(state)]),
      openingTurn().speech,
      openingTurn('unrecognised').speech,
      ...urgentOutcomes.map((outcome) => outcomeSpeech(outcome)),
      outcomeSpeech(selfCare),
      outcomeSpeech({ level: 'direct', flagIds: directIds, because: 'named' }),
    ];
    for (const speech of speeches) {
      expectValidSsml(renderSsml(speech));
      expectValidSsml(renderSsml(speech, 'slow'));
      expect(estimatedSeconds(speech, 'slow')).toBeLessThan(alexaLimits.maxTurnSeconds);
    }
  });
});
