import type { Contributor } from './bundle-report.js';

/** One cold-start subject: medians over `runs` fresh processes. */
export interface Subject {
  name: string;
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

export interface BenchResult {
  date: string;
  node: string;
  cpu: string;
  platform: string;
  command: string;
  /** 1-minute load average at the start and at the end of the run (other work on the machine). */
  loadAverage: [number, number];
  coldRuns: number;
  /** [bare node, Rug Coach, baseline (when available)] */
  subjects: Subject[];
  levers: Subject[];
  baselineProblem: string | undefined;
  warm: {
    sessions: number;
    turns: number;
    perTurn: { utterance: string; intent: string; p50: number; p99: number; callsPerTurn: number }[];
    p50: number;
    p99: number;
    floorP50: number;
    floorP99: number;
    floorSamples: number;
    calls: Record<string, number>;
    callsPerTurn: number;
  };
  bundle: { kib: number; top: Contributor[] };
  durationS: number;
}

interface Goal {
  goal: string;
  measured: string;
  reached: boolean | null;
}

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function goals(r: BenchResult): Goal[] {
  const [bare, ours, baseline] = r.subjects;
  const list: Goal[] = [];
  if (bare && ours) {
    const ratio = ours.wallMs / bare.wallMs;
    list.push({
      goal: 'cold start + first turn ≤ 1.6× bare node',
      measured: `${f(ours.wallMs)} ms / ${f(bare.wallMs)} ms = ${f(ratio, 2)}× (CPU time: ${f(ours.cpuMs / bare.cpuMs, 2)}×)`,
      reached: ratio <= 1.6,
    });
  }
  if (ours && baseline) {
    const speedup = baseline.wallMs / ours.wallMs;
    list.push({
      goal: 'cold start + first turn ≥ 4× faster than the baseline',
      measured: `${f(baseline.wallMs)} ms / ${f(ours.wallMs)} ms = ${f(speedup, 2)}× (CPU time: ${f(baseline.cpuMs / ours.cpuMs, 2)}×)`,
      reached: speedup >= 4,
    });
  } else {
    list.push({
      goal: 'cold start ≥ 4× faster than the baseline',
      measured: 'baseline unavailable',
      reached: null,
    });
  }
  list.push({
    goal: 'bundle ≤ 600 KiB',
    measured: `${f(r.bundle.kib, 0)} KiB`,
    reached: r.bundle.kib <= 600,
  });
  const w = r.warm;
  list.push({
    goal: 'warm p50 ≤ 1.0× floor p50',
    measured: `${f(w.p50, 2)} ms / ${f(w.floorP50, 2)} ms = ${f(w.p50 / w.floorP50, 2)}×`,
    reached: w.p50 <= w.floorP50,
  });
  list.push({
    goal: 'warm p99 ≤ 3× floor p99',
    measured: `${f(w.p99, 2)} ms / ${f(w.floorP99, 2)} ms = ${f(w.p99 / w.floorP99, 2)}× (vs floor p50: ${f(w.p99 / w.floorP50, 2)}×)`,
    reached: w.p99 <= 3 * w.floorP99,
  });
  list.push({
    goal: '≤ 0.75 DynamoDB calls per turn',
    measured: `${f(w.callsPerTurn, 3)} (${Object.entries(w.calls)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')} over ${w.turns} turns)`,
    reached: w.callsPerTurn <= 0.75,
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
  'median ms',
  'min–max',
  'boot',
  'import',
  '1st turn',
  'CPU ms',
  'peak RSS MiB',
  'DB calls',
  'bundle KiB',
];
function coldRows(subjects: Subject[]): string[][] {
  return subjects.map((s) => [
    s.name,
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
function warmRows(r: BenchResult): string[][] {
  const w = r.warm;
  return [
    ...w.perTurn.map((t) => [`"${t.utterance}"`, t.intent, f(t.p50, 2), f(t.p99, 2), f(t.callsPerTurn, 2)]),
    ['all turns', `${w.turns} turns`, f(w.p50, 2), f(w.p99, 2), f(w.callsPerTurn, 3)],
    ['floor: GetItem + PutItem', `${w.floorSamples} pairs`, f(w.floorP50, 2), f(w.floorP99, 2), '2'],
  ];
}

const goalHeader = ['goal', 'measured', 'reached'];
function goalRows(r: BenchResult): string[][] {
  return goals(r).map((g) => [g.goal, g.measured, g.reached === null ? 'n/a' : g.reached ? 'yes' : 'NO']);
}

export function renderTable(r: BenchResult): string {
  return [
    `Rug Coach benchmark · ${r.date} · Node ${r.node} · ${r.cpu} · ${r.platform} · load ${f(r.loadAverage[0], 2)}`,
    '',
    table(coldHeader, coldRows(r.subjects)),
    '',
    r.levers.length > 0
      ? table(['lever (copy of the bundle, same run)', ...coldHeader.slice(1)], coldRows(r.levers))
      : '',
    '',
    table(warmHeader, warmRows(r)),
    '',
    table(goalHeader, goalRows(r)),
    '',
    `bundle: ${r.bundle.top
      .slice(0, 6)
      .map((c) => `${c.name} ${f(c.kib, 0)} KiB`)
      .join(', ')}`,
    `bench took ${f(r.durationS, 0)} s`,
  ].join('\n');
}

export function renderMarkdown(r: BenchResult): string {
  return `# Benchmark results

Measured by \`${r.command}\` on ${r.date.slice(0, 10)} (${r.date}).
Machine: ${r.cpu}, ${r.platform}; Node ${r.node}. The whole run took ${f(r.durationS, 0)} s.
Load average (1 min) at start / end: ${f(r.loadAverage[0], 2)} / ${f(r.loadAverage[1], 2)}; with other work on the
machine, wall times spread more than CPU times, and the ratios (measured interleaved) hold better than
the absolute figures.

## Goals

${markdownTable(goalHeader, goalRows(r))}

## Cold start + first turn

A fresh \`node\` process imports the bundle and answers one LaunchRequest of a new user against a
local dynalite (in the benchmark process); wall time from spawn until the answer reached the parent.
Medians of ${r.coldRuns} runs per subject, interleaved, after one unmeasured round. \`boot\`,
\`import\` and \`1st turn\` are measured inside the child (boot = process start until its code runs).
\`CPU ms\` is the child's user + system CPU time (less sensitive to other load on the machine than wall
time). Peak RSS is \`process.resourceUsage().maxRSS\` of the child.

${markdownTable(coldHeader, coldRows(r.subjects))}
${r.baselineProblem ? `\nBaseline unavailable: ${r.baselineProblem}\n` : ''}
### Levers (the same bundle with one source file rewritten, same run)

${markdownTable(['lever', ...coldHeader.slice(1)], coldRows(r.levers))}

${r.levers.map((l) => `- **${l.name}**: ${l.note ?? ''}`).join('\n')}

## Warm turns

${r.warm.sessions} sessions (after 20 unmeasured), each a new user, through the bundle imported once:
handler time per turn. The floor is one GetItem + one PutItem with the Lambda's client settings on
the same dynalite, run between the sessions. DynamoDB calls are counted at the server.

${markdownTable(warmHeader, warmRows(r))}

## Bundle

${f(r.bundle.kib, 0)} KiB (dist/lambda/index.mjs). Largest contributors (esbuild metafile):

${markdownTable(
  ['package or folder', 'KiB'],
  r.bundle.top.map((c) => [c.name, f(c.kib, 1)]),
)}
`;
}
