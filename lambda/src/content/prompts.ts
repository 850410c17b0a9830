import promptsJson from '../../../content/prompts.json';
import type { Prompts } from './prompts-schema.js';

/** The skill's own sentences, checked by the schema in tests and at build time, not at run time. */
export const prompts: Prompts = promptsJson;

/** Fills `{name}` placeholders; a missing value is left visible so that tests catch it. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
