import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An APL RenderDocument directive as the skill sends it. */
export interface AplDirective {
  type: string;
  token?: string;
  document?: unknown;
  datasources?: unknown;
}

/**
 * Writes what an Echo Show would render: the document and its data source in one JSON file, in the shape
 * the APL authoring tool accepts ({ document, datasources }). Returns the file written.
 */
export async function writeScreenPreview(
  dir: string,
  directive: AplDirective,
  name?: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name ?? directive.token ?? 'screen'}.json`);
  const preview = { document: directive.document, datasources: directive.datasources };
  await writeFile(file, `${JSON.stringify(preview, null, 2)}\n`, 'utf8');
  return file;
}

/** The APL documents in a response, if any. */
export function aplDirectives(response: { response?: { directives?: unknown[] } }): AplDirective[] {
  return (response.response?.directives ?? []).filter(
    (d): d is AplDirective =>
      typeof d === 'object' &&
      d !== null &&
      (d as AplDirective).type === 'Alexa.Presentation.APL.RenderDocument',
  );
}
