/** Kept for tools that import it here (tools/nlu): the text layer is `text/`. */
export { reminderText } from '../text/content.js';
