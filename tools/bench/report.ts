import type { Contributor } from './bundle-report.js';
import type { SpeechLengths } from './speech-length.js';
import { percentile } from './stats.js';
import { sessionScript, type WarmResult } from './warm.js';

/** One cold-start subject on one runtime: medians over `runs` fresh processes. */
export interface Subject {
  key: string;
  name: string;
  runtime: string;
  runs: number;
  wallMs: number;
  wallMinMs: number;
  wallMaxMs: number;
  bootMs: number;
  importMs: number;
  turnMs: number;
  cpuMs: number;
  maxRssMiB: number;
  dbCalls: number;
  bundleKiB: number | null;
  note?: string;
}

export interface WarmSummary {
  runtime: string;
  sessions: number;
  turns: number;
  perTurn: { utterance: string; intent: string; p50: number; p99: number; callsPerTurn: number }[];
  p50: number;
  p99: number;
  floorP50: number;
  floorP99: number;
  floorSamples: number;
  calls: Record<string, number>;
  /** NaN where the calls were not counted (a server outside the process). */
  callsPerTurn: number;
}

export interface MemoryRow {
  memoryMb: number;
  cpuShare: number;
  cold: Subject;
  warm: WarmSummary;
}

export interface BenchResult {
  date: string;
  runtimes: { key: string; label: string; version: string }[];
  /** The label of the runtime the stack deploys; the goals are judged on it. */
  deployed: string;
  cpu: string;
  platform: string;
  command: string;
  /** 1-minute load average at the start and at the end of the run (other work on the machine). */
  loadAverage: [number, number];
  coldRuns: number;
  cold: Subject[];
  levers: Subject[];
  warm: WarmSummary[];
  memory: MemoryRow[];
  memoryProblem: string | undefined;
  bundle: { kib: number; top: Contributor[] };
  /** Spoken length of the tour's answers (issue 13: about 25 s, 60 words, before a question). */
  speech?: SpeechLengths;
  durationS: number;
}

export function summarizeWarm(runtime: string, w: WarmResult): WarmSummary {
  const all = w.turnMs.flat();
  const totalCalls = Object.values(w.calls).reduce((a, b) => a + b, 0);
  const counted = Object.keys(w.calls).length > 0;
  return {
    runtime,
    sessions: w.sessions,
    turns: all.length,
    perTurn: w.turnMs.map((samples, i) => ({
      utterance: sessionScript[i] ?? '',
      intent: w.intents[i] ?? '',
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      callsPerTurn: counted ? (w.callsByTurn[i] ?? 0) / w.sessions : Number.NaN,
    })),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    floorP50: percentile(w.floorMs, 50),
    floorP99: percentile(w.floorMs, 99),
    floorSamples: w.floorMs.length,
    calls: w.calls,
    callsPerTurn: counted ? totalCalls / all.length : Number.NaN,
  };
}

interface Goal {
  goal: string;
  measured: string;
  /** The same ratio on the other runtimes, for comparison. */
  elsewhere: string;
  reached: boolean | null;
}

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

const find = (r: BenchResult, prefix: string, runtime: string) =>
  r.cold.find((s) => s.key.startsWith(prefix) && s.runtime === runtime);

function goals(r: BenchResult): Goal[] {
  const others = r.runtimes.map((x) => x.label).filter((label) => label !== r.deployed);
  const elsewhere = (fn: (runtime: string) => string) =>
    others.map((label) => `${label.replace(/ \(.*\)$/, '')}: ${fn(label)}`).join('; ');
  const list: Goal[] = [];

  const bareRatio = (runtime: string) => {
    const bare = find(r, 'bare-', runtime);
    const ours = find(r, 'ours-', runtime);
    return bare && ours ? ours.wallMs / bare.wallMs : Number.NaN;
  };
  const bare = find(r, 'bare-', r.deployed);
  const ours = find(r, 'ours-', r.deployed);
  if (bare && ours) {
    list.push({
      goal: 'cold start + first turn ≤ 2.5× bare node',
      // Bare node's few milliseconds spread most on a busy machine: CPU time and the fastest runs too.
      measured: `${f(ours.wallMs)} ms / ${f(bare.wallMs)} ms = ${f(bareRatio(r.deployed), 2)}× (CPU ${f(ours.cpuMs / bare.cpuMs, 2)}×, fastest runs ${f(ours.wallMinMs / bare.wallMinMs, 2)}×)`,
      elsewhere: elsewhere((x) => `${f(bareRatio(x), 2)}×`),
      reached: bareRatio(r.deployed) <= 2.5,
    });
  }
  // Against the standard adapter (v2) when it was measured, else against the same stack on SDK v3.
  const baselineKey = r.cold.some((s) => s.key.startsWith('baseline-v2-')) ? 'baseline-v2-' : 'baseline-v3-';
  const speedup = (runtime: string) => {
    const base = find(r, baselineKey, runtime);
    const mine = find(r, 'ours-', runtime);
    return base && mine ? base.wallMs / mine.wallMs : Number.NaN;
  };
  const base = find(r, baselineKey, r.deployed);
  list.push({
    goal: `≥ 4× faster than the baseline (${baselineKey === 'baseline-v2-' ? 'ask-sdk adapter, aws-sdk v2' : 'ask-sdk + SDK v3 as they come'})`,
    measured:
      base && ours
        ? `${f(base.wallMs)} ms / ${f(ours.wallMs)} ms = ${f(speedup(r.deployed), 2)}× (CPU ${f(base.cpuMs / ours.cpuMs, 2)}×)`
        : 'not measured',
    elsewhere: elsewhere((x) => `${f(speedup(x), 2)}×`),
    reached: base && ours ? speedup(r.deployed) >= 4 : null,
  });
  const w = r.warm.find((x) => x.runtime === r.deployed);
  const warmElsewhere = (fn: (x: WarmSummary) => string) =>
    elsewhere((label) => {
      const x = r.warm.find((y) => y.runtime === label);
      return x ? fn(x) : '–';
    });
  if (w) {
    list.push({
      goal: 'warm turn p50 ≤ 1.5× one GetItem + PutItem (p50)',
      measured: `${f(w.p50, 2)} ms / ${f(w.floorP50, 2)} ms = ${f(w.p50 / w.floorP50, 2)}×`,
      elsewhere: warmElsewhere((x) => `${f(x.p50 / x.floorP50, 2)}×`),
      reached: w.p50 <= 1.5 * w.floorP50,
    });
    list.push({
      goal: 'warm turn p99 ≤ 3× the floor’s p99',
      measured: `${f(w.p99, 2)} ms / ${f(w.floorP99, 2)} ms = ${f(w.p99 / w.floorP99, 2)}×`,
      elsewhere: warmElsewhere((x) => `${f(x.p99 / x.floorP99, 2)}×`),
      reached: w.p99 <= 3 * w.floorP99,
    });
    list.push({
      goal: '≤ 0.6 DynamoDB calls per turn',
      measured: `${f(w.callsPerTurn, 3)} (${Object.entries(w.calls)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')} over ${w.turns} turns)`,
      elsewhere: '',
      reached: w.callsPerTurn <= 0.6,
    });
  }
  if (r.speech) {
    const l = r.speech.longest;
    list.push({
      goal: 'outside an exercise, ≤ 60 words (about 25 s) before a question',
      measured: `longest ${l.words} words, ${f(l.seconds, 1)} s estimated ("${l.utterance}"), of ${r.speech.outsideExercise} answers`,
      elsewhere: '',
      reached: l.words <= 60,
    });
  }
  list.push({
    goal: 'bundle ≤ 300 KiB',
    measured: `${f(r.bundle.kib, 0)} KiB`,
    elsewhere: '',
    reached: r.bundle.kib <= 300,
  });
  return list;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const coldHeader = [
  'cold start + first turn',
  'runtime',
  'median ms',
  'min–max',
  'boot',
  'load',
  '1st turn',
  'CPU ms',
  'peak RSS MiB',
  'DB calls',
  'bundle KiB',
];
function coldRows(subjects: Subject[]): string[][] {
  return subjects.map((s) => [
    s.name,
    s.runtime.replace(/ \(.*\)$/, ''),
    f(s.wallMs),
    `${f(s.wallMinMs, 0)}–${f(s.wallMaxMs, 0)}`,
    f(s.bootMs),
    f(s.importMs),
    f(s.turnMs),
    f(s.cpuMs),
    f(s.maxRssMiB),
    f(s.dbCalls, 0),
    s.bundleKiB === null ? '' : f(s.bundleKiB, 0),
  ]);
}

const warmHeader = ['warm turn', 'intent', 'p50 ms', 'p99 ms', 'DB calls/turn'];
function warmRows(w: WarmSummary): string[][] {
  return [
    ...w.perTurn.map((t) => [`"${t.utterance}"`, t.intent, f(t.p50, 2), f(t.p99, 2), f(t.callsPerTurn, 2)]),
    ['all turns', `${w.turns} turns`, f(w.p50, 2), f(w.p99, 2), f(w.callsPerTurn, 3)],
    ['floor: GetItem + PutItem', `${w.floorSamples} pairs`, f(w.floorP50, 2), f(w.floorP99, 2), '2'],
  ];
}

const memoryHeader = [
  'memory',
  'CPU share',
  'cold start ms',
  'load',
  '1st turn',
  'warm p50 ms',
  'warm p99 ms',
  'floor p99 ms',
];
function memoryRows(r: BenchResult): string[][] {
  return r.memory.map((m) => [
    `${m.memoryMb} MB`,
    `${f(m.cpuShare * 100, 1)} %`,
    f(m.cold.wallMs),
    f(m.cold.importMs),
    f(m.cold.turnMs),
    f(m.warm.p50, 2),
    f(m.warm.p99, 2),
    f(m.warm.floorP99, 2),
  ]);
}

const goalHeader = ['goal (on the deployed Node)', 'measured', 'other Node', 'reached'];
function goalRows(r: BenchResult): string[][] {
  return goals(r).map((g) => [
    g.goal,
    g.measured,
    g.elsewhere,
    g.reached === null ? 'n/a' : g.reached ? 'yes' : 'NO',
  ]);
}

export function renderTable(r: BenchResult): string {
  return [
    `Rug Coach benchmark · ${r.date} · ${r.runtimes.map((x) => x.label).join(', ')} · ${r.cpu} · load ${f(r.loadAverage[0], 2)}`,
    '',
    table(coldHeader, coldRows(r.cold)),
    '',
    table(['lever (deployed Node, same run)', ...coldHeader.slice(1)], coldRows(r.levers)),
    '',
    ...r.warm.flatMap((w) => [`warm turns, ${w.runtime}`, table(warmHeader, warmRows(w)), '']),
    r.memory.length > 0
      ? table(memoryHeader, memoryRows(r))
      : `memory sizes: ${r.memoryProblem ?? 'not run'}`,
    '',
    table(goalHeader, goalRows(r)),
    '',
    `bundle: ${r.bundle.top
      .slice(0, 8)
      .map((c) => `${c.name} ${f(c.kib, 0)} KiB`)
      .join(', ')}`,
    `bench took ${f(r.durationS, 0)} s`,
  ].join('\n');
}

export function renderMarkdown(r: BenchResult): string {
  return `# Benchmark results

Measured by \`${r.command}\` on ${r.date.slice(0, 10)} (${r.date}).
Machine: ${r.cpu}, ${r.platform}. Runtimes: ${r.runtimes.map((x) => x.label).join(', ')}; the goals are
judged on ${r.deployed}, the Node the stack deploys. The whole run took ${f(r.durationS, 0)} s.
Load average (1 min) at start / end: ${f(r.loadAverage[0], 2)} / ${f(r.loadAverage[1], 2)}; with other work on the
machine, wall times spread more than CPU times, and the ratios (measured interleaved) hold better than
the absolute figures.

## Goals

${markdownTable(goalHeader, goalRows(r))}

## Cold start + first turn

A fresh \`node\` process loads the bundle as Lambda's Node.js runtime does (\`require\` for CommonJS) and
answers one LaunchRequest of a new user against a local dynalite (in the benchmark process); wall time
from spawn until the answer reached the parent. Medians of ${r.coldRuns} runs per subject, every subject
on every runtime interleaved, after one unmeasured round. \`boot\`, \`load\` and \`1st turn\` are measured
inside the child (boot = process start until its code runs). \`CPU ms\` is the child's user + system CPU
time. Peak RSS is \`process.resourceUsage().maxRSS\` of the child.

${markdownTable(coldHeader, coldRows(r.cold))}

### Levers not taken (the same bundle changed, deployed Node, same run)

${markdownTable(['lever', ...coldHeader.slice(1)], coldRows(r.levers))}

${r.levers.map((l) => `- **${l.name}**: ${l.note ?? ''}`).join('\n')}

## Warm turns

Sessions (after 20 unmeasured), each a new user, through the bundle loaded once in a process of each
runtime: handler time per turn. The floor is one GetItem + one PutItem with the Lambda's client
settings on the same dynalite (in that process), run between the sessions. DynamoDB calls are counted
at the server.

${r.warm.map((w) => `### ${w.runtime}, ${w.sessions} sessions\n\n${markdownTable(warmHeader, warmRows(w))}`).join('\n\n')}

## Memory size (Lambda's CPU share)

Lambda gives a function CPU in proportion to its memory: one vCPU at 1,769 MB. Each row runs the
deployed Node in a CPU cgroup with that share of one CPU (CFS quota, 100 ms period): ${r.memory[0]?.cold.runs ?? 0} cold
starts, and warm sessions against dynalite outside the cgroup (as DynamoDB is outside the function).

${r.memory.length > 0 ? markdownTable(memoryHeader, memoryRows(r)) : `Not measured: ${r.memoryProblem ?? 'no sizes given'}.`}

## Bundle

${f(r.bundle.kib, 0)} KiB (dist/lambda/index.cjs). Largest contributors (esbuild metafile):

${markdownTable(
  ['package or folder', 'KiB'],
  r.bundle.top.map((c) => [c.name, f(c.kib, 1)]),
)}
`;
}
