import { afterAll, beforeAll, type MockInstance, vi } from 'vitest';
import { type RunningSkill, startSkill } from '../../support/skill.js';

interface LogLine {
  /** The level the line was written at: its JSON `level` in lower case, else the console method. */
  method: 'log' | 'info' | 'warn' | 'error' | 'debug';
  /** Where it went: standard output or error (Powertools' Logger writes there), or the global console. */
  stream: 'stdout' | 'stderr' | 'console';
  raw: string;
  /** The parsed JSON line; undefined when the line is not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface CapturedLogs {
  lines(): LogLine[];
  /** Everything written, as one string (to search for what must never appear). */
  text(): string;
  clear(): void;
  restore(): void;
}

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const isMethod = (level: unknown): level is LogLine['method'] =>
  typeof level === 'string' && (methods as readonly string[]).includes(level);

function parsed(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Captures (and silences) everything the bundle logs: what Powertools' Logger writes to standard
 * output and error, line by line, and whatever goes through the global console.
 */
export function captureLogs(): CapturedLogs {
  const captured: LogLine[] = [];
  const keep = (stream: LogLine['stream'], fallback: LogLine['method'], raw: string) => {
    const json = parsed(raw);
    const level = typeof json?.level === 'string' ? json.level.toLowerCase() : undefined;
    captured.push({ method: isMethod(level) ? level : fallback, stream, raw, json });
  };
  const consoleSpies: MockInstance[] = methods.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      keep('console', method, args.map((a) => (typeof a === 'string' ? a : safeString(a))).join(' '));
    }),
  );
  const streamSpies: MockInstance[] = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: unknown) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      for (const line of text.split('\n'))
        if (line.trim() !== '') keep(stream, stream === 'stdout' ? 'info' : 'error', line);
      return true;
    }),
  );
  return {
    lines: () => [...captured],
    text: () => captured.map((l) => l.raw).join('\n'),
    clear: () => {
      captured.length = 0;
    },
    restore: () => {
      for (const spy of [...consoleSpies, ...streamSpies]) spy.mockRestore();
    },
  };
}

function safeString(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The real skill for a file's tests, with everything it logs captured; both ended after the file.
 * The fields are set before the first test runs.
 */
export function skillWithCapturedLogs(): { skill: RunningSkill; logs: CapturedLogs } {
  const running = {} as { skill: RunningSkill; logs: CapturedLogs };
  beforeAll(async () => {
    running.skill = await startSkill();
    running.logs = captureLogs();
  });
  afterAll(async () => {
    running.logs.restore();
    await running.skill.stop();
  });
  return running;
}
