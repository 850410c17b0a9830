import articleJson from '../../../content/article.json';
import coachJson from '../../../content/coach.json';
import dutchJson from '../../../content/dutch.json';
import knowledgeJson from '../../../content/knowledge.json';
import promptsJson from '../../../content/prompts.json';
import remindersJson from '../../../content/reminders.json';
import screenJson from '../../../content/screen.json';
import spokenJson from '../../../content/spoken.json';
import triageJson from '../../../content/triage.json';
import slotTypesJson from '../../../content/understanding/slot-types.json';
import type { CoachContent } from '../coach/content-schema.js';
import type { Prompts } from '../content/prompts-schema.js';
import type { Article } from '../content/schema.js';
import type { KnowledgeContent } from '../knowledge/content-schema.js';
import type { ReminderContent } from '../reminders/content-schema.js';
import type { ScreenContent } from '../screen/content-schema.js';
import type { TriageContent } from '../triage/content-schema.js';
import type { DutchWords, SpokenContent } from './content-schema.js';

/**
 * The one module that reaches `content/`: every Dutch sentence the skill says, and the article it comes
 * from. The compiler checks the JSON's shape here; zod checks the rest (lengths, placeholders, traces)
 * in the tests and the build, not at run time, to keep cold starts short.
 */

/** The source article as data, verbatim (typos and shorthand included): what the spoken text traces to. */
export const article: Article = articleJson;
/** The article as it is said: sentences for the ear, each traced to the seed lines it says. */
export const spoken: SpokenContent = spokenJson as SpokenContent;
/** The skill's own sentences: welcome, help, goodbye, confirmations. */
export const prompts: Prompts = promptsJson;
export const coachText: CoachContent = coachJson;
export const triageContent: TriageContent = triageJson;
export const knowledgeText: KnowledgeContent = knowledgeJson as KnowledgeContent;
export const reminderText: ReminderContent = remindersJson;
export const screenText: ScreenContent = screenJson;
/** Number words, ordinals and the words that join a list. */
export const dutchWords: DutchWords = dutchJson;

/** The interaction model's slot values and synonyms (owned by content/understanding/), for search labels. */
export const slotTypes = slotTypesJson as Record<
  string,
  Record<string, { value: string; synonyms: string[] }>
>;
