import { stemmer } from '@orama/stemmers/dutch';
import { wordsOf } from '../text/index.js';

/**
 * Words that say nothing about which part of the article a question is about: Dutch function words,
 * and the words every passage shares (it is all about back pain), so that "helpt zwemmen tegen
 * rugpijn" is searched as "zwemmen".
 */
const ignored = new Set(
  (
    'aan al alle alles als alsjeblieft altijd ander andere be ben bij binnen dan dat de deze die dit doe doen doet door ' +
    'een eens eigenlijk en er even ga gaan gaat geen graag had heb hebben hebt heeft het hier hij hoe hoeveel hoor hun ' +
    'ik in is ja je jij jou jouw kan kun kunnen kunt maar me meer men met mij mijn mn moet moeten mag mogen na naar ' +
    'natuurlijk nee niet niets nog nou nu of ok om ook op over per te tegen toch tot u uit van veel voor waar ' +
    'wanneer wat we wel welk welke werd wie wij wil willen word worden wordt zal ze zeg zich zij zijn zo zou zullen ' +
    'rug rugpijn pijn rugklachten klachten last zeer goed slecht helpt helpen help werkt werken beter beste best ' +
    'vraag vertel weet weten iets vertellen artikel coach advies weer ken kent kennen kun zeg zegt ' +
    // "zo'n" as a recogniser writes it without the apostrophe; the words that frame a question
    'zon zoiets vind vindt denk dus verstandig handig slim nodig normaal'
  ).split(' '),
);

/** Lower case, no diacritics, no punctuation: the words of a text (the text layer's one normaliser). */
export { wordsOf };

/**
 * A word as the search compares it, or null for a word to leave out: Snowball's Dutch stem, with a
 * doubled last consonant made single ("zwemmen" and "zwem" meet), the spelling's last v and z as f and
 * s ("blijven" and "blijf"), and the -t of a verb after a consonant taken off ("tilt" and "til"), the
 * same on both sides of the search.
 */
export function searchTerm(word: string): string | null {
  if (ignored.has(word) || word.length < 2) return null;
  return stemmer(word)
    .replace(/([bcdfgklmnprstvz])\1$/, '$1')
    .replace(/v$/, 'f')
    .replace(/z$/, 's')
    .replace(/(?<=\w{2}[bcdfgklmnprsvz])t$/, '');
}
