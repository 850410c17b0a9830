/**
 * How Dutch users open the skill or talk to it in one go. Alexa's own rules for nl-NL: "open / start
 * rug coach" launches it; "vraag rug coach (naar / om / of / over) …" and "zeg tegen rug coach …" pass
 * the rest on, with or without the connecting word
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/understanding-how-users-invoke-custom-skills.html).
 */

const invocationName = ['rug', 'coach'];
// Alexa's launch words are "open", "start", "begin", "talk to", "run", "load" and more: in Dutch also
// "praat met", "begin met", "ga naar", and the plain wish "ik wil rug coach", "mag ik rug coach".
const launchVerbs = [
  'open',
  'start',
  'begin',
  'activeer',
  'speel',
  'laad',
  'doe',
  'zet',
  'praat met',
  'begin met',
  'start met',
  'ga naar',
  'ik wil',
  'ik wil met',
  'ik wil naar',
  'mag ik',
];
const oneShotVerbs = ['vraag', 'zeg', 'vertel', 'laat', 'open', 'start', 'begin', 'gebruik'];
/** Words people put around the invocation that carry no request: "vraag eens aan de rug coach". */
const invocationFillers = new Set([
  'eh',
  'ehm',
  'uh',
  'nou',
  'hey',
  'he',
  'eens',
  'even',
  'effe',
  'eventjes',
  'ns',
  'aan',
  'tegen',
  'de',
  'die',
  'mijn',
  'toch',
  'dan',
  'maar',
  'alsjeblieft',
  'graag',
  'nog',
  // A greeting or the wake word said again: "hé alexa, rug coach openen", "alexa goedemorgen, open rug coach".
  'alexa',
  'hoi',
  'hallo',
  'goedemorgen',
  'goedemiddag',
  'goedenavond',
  // "open de skill rug coach", "start de app rug coach".
  'skill',
  'app',
  // "oké alexa, start rug coach", "open rug coach alsjeblieft, dank je wel".
  'oke',
  'okay',
  'ok',
  'jong',
  'joh',
  'hoor',
  'dank',
  'je',
  'wel',
  'bedankt',
  'dankjewel',
]);
/** "rug coach openen", "rug coach starten": the launch verb after the name. */
const launchInfinitives = new Set([
  'openen',
  'starten',
  'opstarten',
  'beginnen',
  'aanzetten',
  'activeren',
  'open',
  'aan',
  // "ik wil met rug coach praten".
  'praten',
  'spreken',
  'gebruiken',
]);
/** "start rug coach op": the particle of a separable launch verb (opstarten). */
const launchParticles = new Set(['op', 'aan', 'af']);
/** "kun je rug coach openen", "maak rug coach open", "zou je rug coach voor mij willen starten". */
const politeLaunch = new Set([
  'ik',
  'kun',
  'kan',
  'kunt',
  'je',
  'jij',
  'u',
  'wil',
  'wilt',
  'zou',
  'zoudt',
  'willen',
  'maak',
  'zet',
  'even',
  'voor',
  'mij',
  'me',
  'eens',
  'alsjeblieft',
  'graag',
]);
/** Words that join the invocation to the request ("vraag rug coach naar de brug"); Alexa may drop them. */
const connectors = ['naar', 'om', 'of', 'over', 'dat', 'voor', 'en', 'hoe', 'wat'];
/** Connectors that are part of the request's grammar and stay when Alexa strips the others. */
const grammatical = new Set(['hoe', 'wat']);

export type Invocation =
  | { kind: 'launch' }
  | { kind: 'oneShot'; request: string[]; variants: string[][] }
  | { kind: 'inSession'; request: string[] };

function indexOfSequence(tokens: readonly string[], sequence: readonly string[]): number {
  for (let i = 0; i + sequence.length <= tokens.length; i++) {
    if (sequence.every((w, k) => tokens[i + k] === w)) return i;
  }
  return -1;
}

/**
 * Splits normalised words into a launch, a one-shot request (with the variants Alexa might pass: with
 * and without the connecting word), or an utterance inside an open session.
 */
export function splitInvocation(tokens: readonly string[]): Invocation {
  const at = indexOfSequence(tokens, invocationName);
  if (at < 0) return { kind: 'inSession', request: [...tokens] };
  let after = tokens.slice(at + invocationName.length);
  // Asking Alexa to open the skill in a sentence of its own: a launch.
  const around = [...tokens.slice(0, at), ...after];
  if (
    around.some((w) => launchInfinitives.has(w)) &&
    around.every((w) => politeLaunch.has(w) || launchInfinitives.has(w) || invocationFillers.has(w))
  )
    return { kind: 'launch' };
  const before = tokens.slice(0, at).filter((w) => !invocationFillers.has(w));
  const verb = before.join(' ');
  const launchLike = verb === '' || launchVerbs.includes(verb);
  if (!launchLike && !oneShotVerbs.includes(verb)) return { kind: 'inSession', request: [...tokens] };
  // "open rug coach alsjeblieft", "start rug coach dan maar eens", "rug coach openen": only fillers after the name.
  if (
    after.every(
      (w) =>
        invocationFillers.has(w) ||
        (launchLike && launchInfinitives.has(w)) ||
        (launchLike && launchParticles.has(w)),
    )
  )
    return { kind: 'launch' };
  // "open rug coach en geef me een tip": the launch verb carries a request after "en".
  if (launchLike && after[0] === 'en') after = after.slice(1);
  else if (verb === '') return { kind: 'inSession', request: [...tokens] };
  const leading = new Set([
    'eh',
    'ehm',
    'uh',
    'nou',
    'eens',
    'even',
    'effe',
    'eventjes',
    'ns',
    'toch',
    'dan',
    'maar',
  ]);
  while (after.length > 1 && leading.has(after[0] ?? '')) after = after.slice(1);
  if (after.length === 0) return { kind: 'launch' };
  const variants = [after];
  const first = after[0] ?? '';
  if (after.length > 1 && connectors.includes(first) && !grammatical.has(first))
    variants.push(after.slice(1));
  return { kind: 'oneShot', request: after, variants };
}
