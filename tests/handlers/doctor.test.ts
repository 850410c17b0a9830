import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infoAnswer } from '../../lambda/src/knowledge/info.js';
import { wordCount } from '../../lambda/src/speech/ssml.js';
import { spoken, triageContent } from '../../lambda/src/text/index.js';
import { questionCount } from '../../lambda/src/triage/index.js';
import { defined } from '../../tools/defined.js';
import type { HeardTurn } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { said, transcript } from '../support/transcript.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

const reassuring = /niet nodig|geen zorgen|onschuldig/i;
const urgent = (turn: HeardTurn) => {
  expect(turn).toSay(triageContent.outcomes.direct.action);
  expect(turn.ssml).toContain('<say-as interpret-as="digits">112</say-as>');
  expect(turn.text).toContain('112');
  expect(turn.text).not.toMatch(reassuring);
};

describe('"moet ik naar de dokter" with a symptom, in one sentence', () => {
  const direct = [
    'vraag rug coach of ik naar de dokter moet want mijn been tintelt',
    'vraag rug coach of ik naar de dokter moet want ik heb een doof gevoel in mijn been',
    'vraag rug coach of ik naar de huisarts moet want ik kan mijn plas niet ophouden',
    'vraag rug coach of ik naar de dokter moet want ik ben gevallen',
    'vraag rug coach of ik naar de dokter moet want ik heb koorts',
    'vraag rug coach of ik naar de dokter moet want ik word s nachts wakker van de pijn',
    'vraag rug coach of ik naar de dokter moet want ik val af zonder reden',
  ];
  for (const utterance of direct) {
    it(`gives urgent advice at once: "${utterance}"`, async () => {
      const turn = await skill.session().say(utterance);
      expect(turn.intent).toBe('DoctorIntent');
      urgent(turn);
      await expect(turn).toBeAValidAlexaAnswer();
    });
  }

  it('gives appointment advice for pain that keeps getting worse', async () => {
    await transcript(skill.session())`
      U: vraag rug coach of ik naar de dokter moet want het wordt steeds erger
      A: ${triageContent.outcomes.appointment.action} … ${triageContent.outcomes.appointment.offerDirectQuestions}
      A not: ${reassuring}
    `;
  });

  it('starts the questions for a symptom it does not recognise, never reassures', async () => {
    const turn = await skill
      .session()
      .say('vraag rug coach of ik naar de dokter moet want mijn rug is stijf');
    expect(turn.sessionEnded).toBe(false);
    expect(turn.text).toContain('?');
    expect(turn.text).not.toMatch(reassuring);
  });
});

describe('the questionnaire', () => {
  it('asks about all twelve criteria before giving self-care advice', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    let turn = await s.say('moet ik naar de dokter');
    let questions = 0;
    while (!turn.sessionEnded && turn.text.includes('?') && questions < 20) {
      questions++;
      expect(turn.text).not.toMatch(reassuring);
      turn = await s.say('nee');
      if (turn.text.includes(triageContent.outcomes.selfCare.allNo)) break;
    }
    expect(questions).toBe(questionCount);
    const asked = s.turns.map((t) => t.text).join(' ');
    for (const question of triageContent.questions) expect(asked, question.id).toContain(question.ask);
    expect(turn).toSay(triageContent.outcomes.selfCare.conclusion);
    expect(wordCount(turn.text)).toBeLessThanOrEqual(45);
    const flags = await s.say('ja');
    expect(flags.text).toContain(defined(spoken.redFlags.direct[0]).say);
    expect(flags.text).toContain(spoken.redFlags.moreQuestion);
    const appointment = await s.say('ja');
    expect(appointment.text).toContain(defined(spoken.redFlags.appointment[0]).say);
  });

  it('after appointment advice for a named symptom, "ja" asks the direct questions, and "nee" to all ends in that advice', async () => {
    const s = skill.session();
    const advice = await s.say('vraag rug coach of ik naar de dokter moet want het wordt steeds erger');
    expect(advice.text).toContain(triageContent.outcomes.appointment.offerDirectQuestions);
    let turn = await s.say('ja');
    expect(turn.text).toContain(defined(triageContent.questions[0]).ask);
    for (let i = 0; i < 7 && turn.text.includes('?') && !turn.text.includes('afspraak'); i++)
      turn = await s.say('nee');
    expect(turn).toSay(triageContent.outcomes.appointment.action);
    expect(turn.text).not.toContain(triageContent.outcomes.appointment.offerDirectQuestions);
  });

  it('escalates at the first "ja"', async () => {
    const [, turn] = await transcript(skill.session())`
      U: vraag rug coach of ik naar de dokter moet
      A: ${defined(triageContent.questions[0]).ask}
      U: ja
      A: ${triageContent.outcomes.direct.action} (end)
    `;
    urgent(defined(turn));
  });

  it('never reads "weet ik niet" as "nee"', async () => {
    const [, , turn] = await transcript(skill.session())`
      U: vraag rug coach of ik naar de dokter moet
      U: nee
      A: ${defined(triageContent.questions[1]).ask}
      U: weet ik niet
      A: ${triageContent.outcomes.direct.action} (end)
    `;
    urgent(defined(turn));
  });

  it('re-asks the open question on help, herhaal, volgende, pain and words it does not understand', async () => {
    const s = skill.session();
    const first = await s.say('vraag rug coach of ik naar de dokter moet');
    const second = await s.say('nee');
    const question = second.text.slice(second.text.lastIndexOf('.', second.text.length - 2) + 1).trim();
    for (const utterance of ['help', 'herhaal', 'banaan appelmoes', 'het doet pijn', 'volgende']) {
      const again = await s.say(utterance);
      expect(again.text, utterance).toContain(question);
      expect(again.sessionEnded).toBe(false);
    }
    expect(first.text).not.toEqual(second.text);
  });

  it('keeps no answer in the database', async () => {
    const userId = 'amzn1.ask.account.TRIAGE';
    const s = skill.session({ userId });
    await s.say('open rug coach');
    await s.say('moet ik naar de dokter');
    await s.say('nee');
    await s.say('weet ik niet');
    const stored = await skill.db.client.send(
      new (await import('@aws-sdk/client-dynamodb')).GetItemCommand({
        TableName: skill.db.tableName,
        Key: { userId: { S: userId } },
      }),
    );
    const state = JSON.parse(stored.Item?.state?.S ?? '{}') as Record<string, unknown>;
    expect(state.disclaimerHeard).toBe(true);
    expect(JSON.stringify(state)).not.toMatch(/triage|question|weet|answer|flag/i);
    expect(Object.keys(stored.Item ?? {}).sort()).toEqual(['expiresAt', 'state', 'userId', 'version']);
  });
});

describe('"het doet pijn" during an exercise', () => {
  it('offers the doctor questions, and "ja" starts them', async () => {
    const turns = await transcript(skill.session())`
      U: vraag rug coach naar de brug
      U: het doet pijn
      U: ja
      A: ${defined(triageContent.questions[0]).ask}
      U: ja
      A: ${triageContent.outcomes.direct.action} (end)
    `;
    urgent(defined(turns.at(-1)));
  });
});

describe('legs that go weak, said on their own (a safety addition: counted with numbness)', () => {
  for (const [where, before] of [
    ['in a session', ['open rug coach']],
    ['during the bridge', ['vraag rug coach naar de brug']],
  ] as const) {
    it(`gives urgent advice ${where}: "mijn benen worden ineens slap"`, async () => {
      const s = skill.session();
      for (const line of before) await s.say(line);
      urgent(await s.say('mijn benen worden ineens slap'));
    });
  }
});

describe('a red flag inside a value entity resolution placed', () => {
  // Alexa resolves a custom slot on a few of its words (ER_SUCCESS_MATCH) and passes the whole span as
  // the slot's value: the span is the user's own sentence and is screened like free text.
  const tip = (value: string) => ({ topic: { value, id: 'gewicht', name: 'gewicht', type: 'TipTopic' } });

  it('gives urgent advice for "dat ik kilos kwijtraak zonder dat ik lijn", placed as the weight tip', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    urgent(await s.sendIntent('TipIntent', tip("dat ik kilo's kwijtraak zonder dat ik lijn")));
  });

  it('gives the weight tip for the value\'s own phrase, "kilo\'s kwijtraken"', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const turn = await s.sendIntent('TipIntent', tip("kilo's kwijtraken"));
    expect(turn).toSay(defined(spoken.tips.gewicht?.sentences[0]).say);
    expect(turn.text).not.toContain(triageContent.outcomes.direct.action);
  });

  it('answers a long phrase of the value\'s own, "hoe lang houdt rugpijn aan", from the article', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const turn = await s.sendIntent('InfoIntent', {
      infoTopic: { value: 'hoe lang houdt rugpijn aan', id: 'duur', name: 'duur', type: 'InfoTopic' },
    });
    expect(turn).toSay(defined(said(infoAnswer('duur'))[0]));
    expect(turn.text).not.toContain(triageContent.outcomes.appointment.action);
  });
});
