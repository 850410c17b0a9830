/** Kept for tools that import it here (tools/nlu): the text layer is `text/`. */
export { triageContent } from '../text/content.js';
