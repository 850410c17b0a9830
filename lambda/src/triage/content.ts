import triageJson from '../../../content/triage.json';
import type { TriageContent } from './content-schema.js';

/** The questionnaire's sentences, checked by the schema in tests and at build time, not at run time. */
export const triageContent: TriageContent = triageJson;
