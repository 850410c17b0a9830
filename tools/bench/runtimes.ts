import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../infra/bundling.js';
import type { Runtime } from './cold.js';

/**
 * The Node the stack deploys (infra/constructs/skill-function.ts: Runtime.NODEJS_24_X), pinned to one
 * release: the npm registry's `node-<os>-<arch>` packages carry Node's official binaries. Installed for
 * the benchmark only, on first run, into .bench-cache/ (a devDependency would put its `node` first on
 * every npm script's PATH). tests/infra/stack.test.ts holds that its major is the stack's runtime.
 */
const deployedNode = { version: '24.22.3' } as const;

export const deployedNodeMajor = Number(deployedNode.version.split('.')[0]);

export interface BenchRuntime extends Runtime {
  /** 'Node 24.22.3 (deployed)', 'Node 20.20.2 (this machine)'. */
  label: string;
  /** Short key for tables and files: 'node24', 'node20'. */
  key: string;
  version: string;
}

/** The `node` that runs this benchmark. */
export function machineNode(): BenchRuntime {
  const version = process.versions.node;
  return {
    node: process.execPath,
    version,
    key: `node${version.split('.')[0]}`,
    label: `Node ${version} (this machine)`,
  };
}

/** The deployed Node, installed into .bench-cache/ when missing; throws when npm cannot install it. */
export function deployedNodeRuntime(): BenchRuntime {
  const key = `node${deployedNodeMajor}`;
  const label = `Node ${deployedNode.version} (deployed)`;
  if (process.versions.node === deployedNode.version) return { ...machineNode(), key, label };
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const prefix = path.join(repoRoot, '.bench-cache', `node-${deployedNode.version}`);
  const node = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(prefix, { recursive: true });
    process.stdout.write(`installing ${pkg}@${deployedNode.version} into .bench-cache/ (once) …\n`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${pkg}@${deployedNode.version}`,
      ],
      { stdio: 'inherit', cwd: prefix },
    );
    if (!existsSync(node))
      throw new Error(`npm install of ${pkg}@${deployedNode.version} produced no ${node}`);
  }
  const version = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
  if (version !== deployedNode.version)
    throw new Error(`${node} is Node ${version}, not ${deployedNode.version}`);
  return { node, version, key, label };
}
