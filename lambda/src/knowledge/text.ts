import knowledgeJson from '../../../content/knowledge.json';
import type { KnowledgeContent } from './content-schema.js';

/** The answers to open questions, typed by the compiler here and checked by zod in the tests. */
export const knowledgeText: KnowledgeContent = knowledgeJson;
