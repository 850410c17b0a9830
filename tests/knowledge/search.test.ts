import { describe, expect, it } from 'vitest';
import { searchArticle } from '../../lambda/src/knowledge/search.js';

describe('an open question, searched in the article', () => {
  it.each([
    ['is zwemmen goed voor mijn rug', { kind: 'tip', id: 'regelmatig-bewegen' }],
    ['helpt paracetamol', { kind: 'tip', id: 'pijnstillers' }],
    // one letter off in a long word, as a recogniser may write it
    ['helpt paracetemol', { kind: 'tip', id: 'pijnstillers' }],
    // the verb's forms meet: "blijven" and "blijf", "tilt" and "til"
    ['tip over blijven bewegen', { kind: 'tip', id: 'blijf-bewegen' }],
    ['hoe je goed tilt', { kind: 'tip', id: 'tillen' }],
    ['kan rugpijn kwaad', { kind: 'info', id: 'gevaarlijk' }],
  ])('"%s" is answered from its passage', (question, passage) => {
    expect(searchArticle(question).answer).toEqual(passage);
  });

  it.each([
    // "injectie" is not "infectie": one letter changes a short word
    'kan een injectie helpen tegen mijn rugpijn',
    // "zo'n", written without its apostrophe, is no word of the article
    "is zo'n tens apparaat handig",
    'heb ik iets aan osteopathie',
    'helpt acupunctuur',
  ])('"%s" is about nothing the article says: no passage answers it', (question) => {
    expect(searchArticle(question).answer).toBeUndefined();
  });
});
