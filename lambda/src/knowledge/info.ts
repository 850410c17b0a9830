import { article } from '../content/article.js';
import { fill, prompts } from '../content/prompts.js';
import { join, type Speech } from '../speech/ssml.js';

/** A sentence from a heading-like fragment: capitalised, with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?:]$/.test(capital) ? capital : `${capital}.`;
}

/** A list as one sentence: "Verkeerde houding, lang zitten en verkeerd tillen." */
function listSentence(items: readonly string[]): string {
  const lower = items.map((item, i) => (i === 0 ? item : item.charAt(0).toLowerCase() + item.slice(1)));
  const last = lower.pop();
  return sentence(lower.length > 0 ? `${lower.join(', ')} en ${last}` : (last ?? ''));
}

const named = (name: string, description: string) => sentence(`${name}: ${description}`);

function kinds(ids?: string[]): Speech {
  const chosen = article.kinds.filter((k) => !ids || ids.includes(k.id));
  return join(...(ids ? [] : [prompts.info.kindsIntro]), ...chosen.map((k) => named(k.name, k.description)));
}

function places(ids?: string[]): Speech {
  const chosen = article.places.filter((p) => !ids || ids.includes(p.id));
  return join(...(ids ? [] : [prompts.info.placesIntro]), ...chosen.map((p) => named(p.name, p.description)));
}

function commonCauses(): Speech {
  const { share, heading, items } = article.causes.common;
  return join(
    sentence(
      fill(prompts.info.commonCausesIntro, { share, heading: heading.replace(/:$/, '').toLowerCase() }),
    ),
    listSentence(items),
  );
}

function lessCommonCauses(names?: string[]): Speech {
  const { heading, items } = article.causes.lessCommon;
  const chosen = items.filter((i) => !names || names.includes(i.name.toLowerCase()));
  return join(
    sentence(fill(prompts.info.lessCommonIntro, { heading: heading.replace(/:$/, '').toLowerCase() })),
    ...chosen.map((i) => named(i.name, i.description)),
  );
}

function rareCauses(): Speech {
  return join(prompts.info.rareIntro, listSentence(article.causes.rare.items));
}

function conclusion(): Speech {
  const c = article.conclusion;
  return join(sentence(c.intro), ...c.points.map((p) => named(p.title, p.text)), ...c.closing.map(sentence));
}

/** Answers to the info topics of the interaction model's InfoTopic slot, all from the article. */
const answers: Record<string, () => Speech> = {
  'wat-is': () => join(...article.whatIs.map(sentence)),
  soorten: () => kinds(),
  acuut: () => kinds(['acuut']),
  subacuut: () => kinds(['subacuut']),
  chronisch: () => kinds(['chronisch']),
  plekken: () => places(),
  'lage-rug': () => places(['lage-rug']),
  'midden-rug': () => places(['midden-rug']),
  'hoge-rug': () => places(['hoge-rug']),
  oorzaken: () => join(commonCauses(), lessCommonCauses(), rareCauses()),
  'veelvoorkomende-oorzaken': commonCauses,
  'minder-voorkomende-oorzaken': () => lessCommonCauses(),
  'zeldzame-oorzaken': rareCauses,
  hernia: () => lessCommonCauses(['hernia']),
  ischias: () => lessCommonCauses(['ischias']),
  artrose: () => lessCommonCauses(['artrose']),
  scoliose: () => lessCommonCauses(['scoliose']),
  spit: () => lessCommonCauses(['spit']),
  conclusie: conclusion,
  bewegen: () => join(...(article.faq.find((f) => f.id === 'bewegen')?.answer ?? []).map(sentence)),
  'oefeningen-overzicht': () =>
    join(fill(prompts.info.exercisesOverview, { names: article.exercises.map((e) => e.name).join(', ') })),
  // "Hoe lang duurt rugpijn?": the kinds by their length, that most back pain passes, and when to see the GP.
  duur: () =>
    join(kinds(), sentence(article.conclusion.intro.replace(/:$/, '')), prompts.info.durationClosing),
  // "Is rugpijn gevaarlijk?": mostly not, but some symptoms need the GP at once; the handler offers the questions.
  gevaarlijk: () => join(prompts.info.dangerLead, prompts.info.dangerBut),
  'tips-overzicht': () =>
    join(
      fill(prompts.info.tipsOverview, { titles: article.tips.map((t) => t.title.toLowerCase()).join(', ') }),
    ),
};

export const infoTopics = Object.keys(answers);

/** The spoken answer for an info topic id, or undefined for a topic the article does not cover. */
export function infoAnswer(topicId: string | undefined): Speech | undefined {
  return topicId ? answers[topicId]?.() : undefined;
}
