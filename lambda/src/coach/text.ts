/** Kept for tools that import it here (tools/nlu): the text layer is `text/`. */
export { coachText } from '../text/content.js';
