import { join, type Speech } from '../speech/ssml.js';
import type { SpokenSentence } from '../text/content-schema.js';
import { article, coachText, fill, listOf, spoken, wordsOf } from '../text/index.js';

const info = spoken.info;
const said = (sentences: readonly SpokenSentence[]) => sentences.map((s) => s.say);
const one = (sentence: SpokenSentence | undefined) => (sentence ? [sentence.say] : []);

function kinds(ids?: readonly string[]): Speech {
  const chosen = Object.entries(info.kinds).filter(([id]) => !ids || ids.includes(id));
  return join(...(ids ? [] : [info.kindsLead.say]), ...chosen.map(([, s]) => s.say));
}

function places(ids?: readonly string[]): Speech {
  const chosen = Object.entries(info.places).filter(([id]) => !ids || ids.includes(id));
  return join(...(ids ? [] : [info.placesLead.say]), ...chosen.map(([, s]) => s.say));
}

function lessCommonCauses(ids?: readonly string[]): Speech {
  const chosen = Object.entries(info.lessCommonCauses).filter(([id]) => !ids || ids.includes(id));
  return join(info.lessCommonLead.say, ...chosen.map(([, s]) => s.say));
}

/** "Mag ik bewegen?" is answered "Ja, …"; "moet ik in bed blijven?" is answered "Nee, bedrust …". */
function moving(question: string | undefined): Speech {
  const faq = info.faqMove;
  const asksRest = wordsOf(question ?? '').some((word) => faq.restWords.includes(word));
  // The opening already says what the first of the rest says about bed rest: not twice.
  const rest = asksRest ? faq.rest.filter((s) => !/bedrust/i.test(s.say)) : faq.rest;
  return join(asksRest ? faq.no.say : faq.yes.say, ...said(rest));
}

/** Answers to the info topics of the interaction model's InfoTopic slot, all from the article. */
const answers: Record<string, (question?: string) => Speech> = {
  'wat-is': () => join(...said(info.whatIs)),
  soorten: () => kinds(),
  acuut: () => kinds(['acuut']),
  subacuut: () => kinds(['subacuut']),
  chronisch: () => kinds(['chronisch']),
  plekken: () => places(),
  'lage-rug': () => places(['lage-rug']),
  'midden-rug': () => places(['midden-rug']),
  'hoge-rug': () => places(['hoge-rug']),
  // All causes are too many for one turn: the common ones first, then "Wil je ook … horen?".
  oorzaken: () => join(...said(info.commonCauses)),
  'veelvoorkomende-oorzaken': () => join(...said(info.commonCauses)),
  'minder-voorkomende-oorzaken': () => lessCommonCauses(),
  'zeldzame-oorzaken': () => join(...one(info.rareCauses)),
  hernia: () => lessCommonCauses(['hernia']),
  ischias: () => lessCommonCauses(['ischias']),
  artrose: () => lessCommonCauses(['artrose']),
  scoliose: () => lessCommonCauses(['scoliose']),
  spit: () => lessCommonCauses(['spit']),
  conclusie: () => join(...said(info.conclusion)),
  bewegen: moving,
  'oefeningen-overzicht': () =>
    join(fill(info.exercisesMenu.say, { names: listOf(spokenExerciseNames()) }), info.exercisesMenuQuestion),
  // "Hoe lang duurt rugpijn?": the kinds by their length, that most back pain passes, and when to see the GP.
  duur: () => join(...said(info.duration)),
  // "Is rugpijn gevaarlijk?": mostly not, but some symptoms need the GP at once; the handler offers the questions.
  gevaarlijk: () => join(...said(info.danger)),
  // "Welke tips zijn er?": a short menu by subject, not thirteen titles.
  'tips-overzicht': () => join(info.tipsMenu.say, info.tipsMenuQuestion),
};

/** The exercises by the names they have in a sentence ("de brug"), in the article's order. */
function spokenExerciseNames(): string[] {
  return article.exercises.map((e) => coachText.exercises[e.id]?.spokenName ?? e.name);
}

export const infoTopics = Object.keys(answers);

/**
 * The spoken answer for an info topic id, or undefined for a topic the article does not cover. `question`
 * is what the user said, where the answer depends on how they asked ("mag ik bewegen" / "moet ik rusten").
 */
export function infoAnswer(topicId: string | undefined, question?: string): Speech | undefined {
  return topicId ? answers[topicId]?.(question) : undefined;
}

/** Topics whose answer ends with its own question (a menu): no "Wil je nog iets weten?" after it. */
export const asksItsOwnQuestion: ReadonlySet<string> = new Set(['oefeningen-overzicht', 'tips-overzicht']);

/** Topics said in parts: the question that offers the rest, and which rest. */
export const infoInParts: Readonly<Record<string, { question: string; more: 'oorzaken' }>> = {
  oorzaken: { question: info.moreCausesQuestion, more: 'oorzaken' },
};

/** The rest of the causes: the less common and the rare ones. */
export function moreCauses(): Speech {
  return join(lessCommonCauses(), ...one(info.rareCauses));
}
