import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Lambda's CPU at a memory size, on this machine: "Lambda allocates CPU power in proportion to the amount
 * of memory configured … At 1,769 MB, a function has the equivalent of one vCPU"
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). A child process is run in
 * a CPU cgroup whose quota is that share of one CPU (the kernel's CFS bandwidth control, 100 ms period),
 * so a cold start at 256 MB gets 14.5 % of a CPU here as it would there. Needs a writable cgroup file
 * system (root); where there is none, the benchmark says so and skips these runs.
 */
const oneVcpuMb = 1769;
const periodUs = 100_000;

export interface CpuShare {
  memoryMb: number;
  /** Share of one CPU, 0..1. */
  share: number;
  /** Prefix for spawn: runs the command inside the cgroup. */
  wrap: string[];
  remove(): void;
}

/** The cgroup file system, v2 (unified) or v1's cpu controller; undefined when neither is usable. */
function cgroupRoot(): { version: 1 | 2; dir: string } | undefined {
  const unified = '/sys/fs/cgroup';
  if (existsSync(path.join(unified, 'cgroup.controllers'))) {
    const controllers = readFileSync(path.join(unified, 'cgroup.controllers'), 'utf8');
    if (controllers.split(/\s+/).includes('cpu')) return { version: 2, dir: unified };
  }
  const v1 = '/sys/fs/cgroup/cpu';
  if (existsSync(path.join(v1, 'cpu.cfs_quota_us'))) return { version: 1, dir: v1 };
  return undefined;
}

/** A cgroup giving its processes `memoryMb / 1769` of one CPU; throws when cgroups cannot be written. */
export function cpuShareFor(memoryMb: number): CpuShare {
  const root = cgroupRoot();
  if (!root) throw new Error('no cgroup cpu controller on this machine');
  const share = Math.min(1, memoryMb / oneVcpuMb);
  const quotaUs = Math.round(periodUs * share);
  const dir = path.join(root.dir, `rug-coach-bench-${memoryMb}mb-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  if (root.version === 2) {
    writeFileSync(path.join(dir, 'cpu.max'), `${quotaUs} ${periodUs}`);
  } else {
    writeFileSync(path.join(dir, 'cpu.cfs_period_us'), String(periodUs));
    writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), String(quotaUs));
  }
  const procs = path.join(dir, 'cgroup.procs');
  return {
    memoryMb,
    share,
    // The shell joins the cgroup, then becomes the command: everything the child does is inside it.
    wrap: ['/bin/sh', '-c', `echo $$ > ${procs} && exec "$0" "$@"`],
    remove: () => {
      try {
        rmdirSync(dir);
      } catch {
        // Still in use by a process that has not exited yet: the kernel frees it when it goes.
      }
    },
  };
}
