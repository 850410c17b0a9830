/** The text layer: all Dutch the skill says, and the helpers that put it together. */
export {
  article,
  coachText,
  dutchWords,
  knowledgeText,
  prompts,
  reminderText,
  screenText,
  slotTypes,
  spoken,
  triageContent,
} from './content.js';
export {
  capitalized,
  fill,
  listOf,
  normalise,
  numberWord,
  ordinalWord,
  placeholders,
  sentence,
  wordsOf,
} from './dutch.js';
