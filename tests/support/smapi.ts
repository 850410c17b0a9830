import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import ts from 'typescript';
import { repoRoot } from '../../infra/bundling.js';
import { defined } from '../../tools/defined.js';

/*
 * Checks JSON against the official Skill Management API model (the ask-smapi-model package): its
 * TypeScript types, applied to the JSON as a fresh object literal, and its OpenAPI (swagger 2.0) schema.
 */

/**
 * TypeScript's verdict on `const value: <smapiType> = <json>`. Written as a literal, the JSON gets excess
 * property checks and literal types (an imported JSON file is widened to `string` and let through).
 * `smapiType` is a path in ask-smapi-model's `v1` namespace, e.g. `skill.Manifest.SkillManifestEnvelope`.
 */
export function typeErrors(json: unknown, smapiType: string): string[] {
  const fileName = path.join(repoRoot, 'tests', '.smapi-literal.ts');
  const source = `import type { v1 } from 'ask-smapi-model';\nexport const value: v1.${smapiType} = ${JSON.stringify(json, null, 2)};\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.getSourceFile = (name, version, onError, create) =>
    name === fileName
      ? ts.createSourceFile(name, source, version, true)
      : getSourceFile(name, version, onError, create);
  const program = ts.createProgram([fileName], options, host);
  const file = defined(program.getSourceFile(fileName));
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
    const where =
      d.start === undefined ? '' : `line ${file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
    const lineText =
      d.start === undefined
        ? ''
        : ` [${source.split('\n')[file.getLineAndCharacterOfPosition(d.start).line]?.trim()}]`;
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}${lineText}`;
  });
}

type Schema = Record<string, unknown>;
const spec = JSON.parse(
  readFileSync(path.join(repoRoot, 'node_modules/ask-smapi-model/spec.json'), 'utf8'),
) as { definitions: Record<string, Schema> };

const ref = (name: string) => `#/definitions/${name}`;
const polymorphic = (name: string) => `${name}(any subtype)`;

/**
 * The spec's definitions, with each polymorphic type (swagger's `discriminator`) resolved: wherever a
 * base type is referenced, the value is also checked against the subtype its discriminator names (the
 * APL interface's viewports, for example). Swagger's own keywords are left for Ajv to ignore.
 */
function definitions(): Record<string, Schema> {
  const defs: Record<string, Schema> = structuredClone(spec.definitions);
  const bases = Object.entries(defs).filter(([, d]) => typeof d.discriminator === 'string');
  for (const [base, schema] of bases) {
    const property = schema.discriminator as string;
    const subtypes = Object.entries(defs).filter(([, d]) =>
      (d.allOf as Schema[] | undefined)?.some((part) => part.$ref === ref(base)),
    );
    defs[polymorphic(base)] = {
      allOf: [
        { $ref: ref(base) },
        // "this subtype's discriminator value → this subtype's schema", written as "not it, or valid".
        ...subtypes.map(([name, d]) => ({
          anyOf: [
            {
              not: {
                properties: { [property]: { const: d['x-discriminator-value'] } },
                required: [property],
              },
            },
            { $ref: ref(name) },
          ],
        })),
      ],
    };
  }
  const baseRefs = new Set(bases.map(([name]) => ref(name)));
  const rewrite = (node: unknown, inSubtypeAllOf: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, inSubtypeAllOf));
    if (typeof node !== 'object' || node === null) return node;
    const object = node as Schema;
    if (typeof object.$ref === 'string' && baseRefs.has(object.$ref) && !inSubtypeAllOf) {
      return { ...object, $ref: ref(polymorphic(object.$ref.slice('#/definitions/'.length))) };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, rewrite(v, false)]));
  };
  for (const [name, schema] of Object.entries(defs)) {
    if (name.endsWith('(any subtype)')) continue;
    const { allOf, ...rest } = schema;
    defs[name] = {
      ...(rewrite(rest, false) as Schema),
      // A subtype's own reference to its base stays as it is (else it would check itself).
      ...(allOf ? { allOf: (allOf as unknown[]).map((part) => rewrite(part, true)) } : {}),
    };
  }
  return defs;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
ajv.addSchema({ $id: 'smapi', definitions: definitions() });

/** The spec's verdict on `json` as the definition `name` (e.g. `v1.skill.Manifest.SkillManifestEnvelope`). */
export function schemaErrors(json: unknown, name: string): string[] {
  const validate = ajv.compile({ $ref: `smapi${ref(name)}` });
  if (validate(json)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
