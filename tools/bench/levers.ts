import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { esbuildOptions, repoRoot } from '../../infra/bundling.js';

/**
 * Levers, measured on copies: the Lambda bundle built with one source file rewritten in memory
 * (lambda/src is never edited). Each lever names the file and the change, so that a lever worth
 * having can be applied by hand.
 */
export interface Lever {
  name: string;
  description: string;
  /** Repository-relative source file → rewrite of its text; throws when the text is not as expected. */
  rewrites: Record<string, (source: string) => string>;
  /** Package imported by lambda/src → repository-relative module bundled in its place. */
  aliases?: Record<string, string>;
}

function replaceOnce(source: string, from: string | RegExp, to: string, file: string): string {
  const found = typeof from === 'string' ? source.includes(from) : from.test(source);
  if (!found) throw new Error(`lever out of date: ${String(from)} not found in ${file}`);
  return source.replace(from, () => to);
}

/**
 * The lenient reader of a stored state without zod: the same fallbacks field by field as the zod
 * schema in user-state.ts (invalid → default, unknown keys dropped, a position only when whole).
 */
const handWrittenParser = `
const isoDateTime = /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})$/;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const countOr0 = (v: unknown): number => (isCount(v) ? v : 0);
const timestampOr = (v: unknown): string =>
  typeof v === 'string' && isoDateTime.test(v) && !Number.isNaN(Date.parse(v)) ? v : epoch;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
function positionOf(v: unknown): RoutinePosition | null {
  if (!isRecord(v)) return null;
  const { exerciseIds, exerciseIndex, turnIndex, kind } = v;
  if (!Array.isArray(exerciseIds) || exerciseIds.length === 0) return null;
  if (!exerciseIds.every((id) => typeof id === 'string' && id.length > 0)) return null;
  if (!isCount(exerciseIndex) || !isCount(turnIndex) || exerciseIndex >= exerciseIds.length) return null;
  if (kind !== 'single' && kind !== 'routine') return null;
  return { exerciseIds: [...exerciseIds], exerciseIndex, turnIndex, kind, updatedAt: timestampOr(v.updatedAt) };
}
function preferencesOf(v: unknown): Preferences {
  if (!isRecord(v)) return defaultPreferences();
  const s = v.holdExtraSeconds;
  return {
    holdExtraSeconds:
      typeof s === 'number' && Number.isFinite(s) ? Math.min(maxHoldExtraSeconds, Math.max(0, Math.round(s))) : 0,
    speechRate: v.speechRate === 'slow' || v.speechRate === 'normal' ? v.speechRate : 'normal',
  };
}
function progressOf(v: unknown): Progress {
  if (!isRecord(v)) return defaultProgress();
  const day = v.lastSessionDay;
  return {
    sessionsDone: countOr0(v.sessionsDone),
    exercisesDone: countOr0(v.exercisesDone),
    daysInARow: countOr0(v.daysInARow),
    lastSessionDay: typeof day === 'string' && isoDate.test(day) ? day : null,
  };
}
export const userStateSchema = {
  parse(input: Record<string, unknown>): UserState {
    const tips = Array.isArray(input.recentTips)
      ? input.recentTips.filter((t): t is number => typeof t === 'number' && Number.isInteger(t)).slice(-recentTipsKept)
      : [];
    const token = input.reminderToken;
    return {
      version: countOr0(input.version),
      createdAt: timestampOr(input.createdAt),
      updatedAt: timestampOr(input.updatedAt),
      expiresAt: countOr0(input.expiresAt),
      disclaimerHeard: typeof input.disclaimerHeard === 'boolean' ? input.disclaimerHeard : false,
      position: positionOf(input.position),
      preferences: preferencesOf(input.preferences),
      progress: progressOf(input.progress),
      recentTips: tips,
      ...(typeof token === 'string' && token.length > 0 ? { reminderToken: token } : {}),
    };
  },
};
`;

const noZod: Lever = {
  name: 'no zod at run time',
  description:
    'lambda/src/state/user-state.ts: the zod schema replaced by a hand-written lenient parser (same fallbacks)',
  rewrites: {
    'lambda/src/state/user-state.ts': (source) => {
      const file = 'user-state.ts';
      const withoutImport = replaceOnce(
        source,
        /import (?:\* as z|\{ z \}) from 'zod(?:\/mini)?';\n/,
        '',
        file,
      );
      return replaceOnce(
        withoutImport,
        /(?:\/\/[^\n]*\n)?const count = [\s\S]*?\n\}\);\n(?=\n\/\*\* Parses anything)/,
        handWrittenParser,
        file,
      );
    },
  },
};

const miniClient: Lever = {
  name: 'no AWS SDK (mini client)',
  description:
    'GetItem/PutItem/DeleteItem as SigV4-signed JSON over node:http(s) (tools/bench/levers/mini-dynamo.ts) ' +
    'in place of @aws-sdk/client-dynamodb and @smithy/node-http-handler; the store is unchanged',
  rewrites: {},
  aliases: {
    '@aws-sdk/client-dynamodb': 'tools/bench/levers/mini-dynamo.ts',
    '@smithy/node-http-handler': 'tools/bench/levers/mini-dynamo.ts',
  },
};

export const levers: Lever[] = [
  noZod,
  {
    name: 'credentials from the environment, as in Lambda',
    description:
      "lambda/src/state/dynamo-client.ts without fixed credentials: the bundle's environment-only provider runs, as it does in Lambda",
    rewrites: {
      'lambda/src/state/dynamo-client.ts': (source) =>
        replaceOnce(
          source,
          /endpoint \? \{ endpoint, credentials: \{[^}]*\} \} : \{\}/,
          'endpoint ? { endpoint } : {}',
          'dynamo-client.ts',
        ),
    },
  },
  miniClient,
];

function rewritePlugin({ rewrites, aliases = {} }: Lever): Plugin {
  const byPath = new Map(Object.entries(rewrites).map(([file, fn]) => [path.join(repoRoot, file), fn]));
  const lambdaSrc = path.join(repoRoot, 'lambda', 'src') + path.sep;
  return {
    name: 'bench-rewrite',
    setup(b) {
      b.onResolve({ filter: /^@/ }, (args) => {
        const target = aliases[args.path];
        if (!target || !args.importer.startsWith(lambdaSrc)) return undefined;
        return { path: path.join(repoRoot, target) };
      });
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const rewrite = byPath.get(args.path);
        if (!rewrite) return undefined;
        return { contents: rewrite(readFileSync(args.path, 'utf8')), loader: 'ts' };
      });
    },
  };
}

/** Builds the Lambda with the lever's rewrites to `outfile`; returns its size in bytes. */
export async function buildLever(lever: Lever, outfile: string): Promise<{ outfile: string; bytes: number }> {
  const options = esbuildOptions(outfile);
  await build({
    ...options,
    sourcemap: false,
    metafile: false,
    logLevel: 'error',
    plugins: [rewritePlugin(lever)],
  });
  const absolute = path.resolve(repoRoot, outfile);
  return { outfile: absolute, bytes: statSync(absolute).size };
}
