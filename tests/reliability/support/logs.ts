import { afterAll, beforeAll, type MockInstance, vi } from 'vitest';
import { type RunningSkill, startSkill } from '../../support/skill.js';

interface LogLine {
  /** The console method that wrote it. */
  method: 'log' | 'info' | 'warn' | 'error' | 'debug';
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

/** Captures (and silences) everything written through console.*, as the bundle logs through it. */
export function captureLogs(): CapturedLogs {
  const captured: LogLine[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const spies: MockInstance[] = methods.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      const raw = args.map((a) => (typeof a === 'string' ? a : safeString(a))).join(' ');
      let json: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      captured.push({ method, raw, json });
    }),
  );
  return {
    lines: () => [...captured],
    text: () => captured.map((l) => l.raw).join('\n'),
    clear: () => {
      captured.length = 0;
    },
    restore: () => {
      for (const spy of spies) spy.mockRestore();
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
