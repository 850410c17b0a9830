/** Kept for tools that import it here (tools/nlu, tools/load): the text layer is `text/`. */
export { prompts } from '../text/content.js';
