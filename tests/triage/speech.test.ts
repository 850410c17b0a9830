import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { estimatedSeconds, renderSsml, type Speech } from '../../lambda/src/speech/ssml.js';
import { triageContent } from '../../lambda/src/triage/content.js';
import {
  adviceFor,
  currentQuestion,
  currentReprompt,
  type EscalationCause,
  openingTurn,
  outcomeSpeech,
  questionCount,
  replyTurn,
  type TriageOutcome,
  type TriageState,
} from '../../lambda/src/triage/index.js';

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
  expect(inner).not.toMatch(/[<>]/);
  expect(inner).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  expect(ssml.length).toBeLessThan(alexaLimits.maxSsmlChars);
}

describe('what the doctor questions sound like', () => {
  it('says what to do now for a direct flag: GP today, the out-of-hours post, 112', () => {
    const said = plain(adviceFor('mijn been tintelt').speech);
    expect(said).toContain('tintelingen');
    expect(said).toContain('direct contact op te nemen met je huisarts');
    expect(said).toContain('Neem vandaag nog contact op met je huisarts.');
    expect(said).toContain('huisartsenpost');
    expect(said).toContain('112');
  });

  it('tells the user to make an appointment for an appointment criterion, and when to call at once', () => {
    const said = plain(adviceFor('het wordt steeds erger').speech);
    expect(said).toContain('Maak een afspraak met je huisarts.');
    for (const flag of article.doctor.directContact) expect(said).toContain(flag.spoken);
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

  it("gives the article's conclusion and when to call after all, only after twelve times no", () => {
    let turn = openingTurn();
    while (turn.state) turn = replyTurn(turn.state, 'no');
    expect(turn.outcome).toEqual(selfCare);
    const said = plain(turn.speech);
    expect(said).toContain('De meeste rugpijn is onschuldig en gaat vanzelf over');
    for (const point of article.conclusion.points) expect(said).toContain(point.title);
    for (const flag of [...article.doctor.directContact, ...article.doctor.appointment]) {
      expect(said).toContain(flag.spoken);
    }
  });

  it('ends every outcome with the disclaimer', () => {
    for (const outcome of [...urgentOutcomes, selfCare]) {
      expect(plain(outcomeSpeech(outcome)).endsWith(triageContent.disclaimer)).toBe(true);
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
      ...urgentOutcomes.map(outcomeSpeech),
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
