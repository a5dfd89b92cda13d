import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * The workflow sources, found from the project's root when a bundle is built: relative to this module
 * they would not resolve from the compiled worker (build/worker.js), which never loads them itself.
 */
const WORKFLOWS_DIR = join(PROJECT_ROOT, 'src', 'workflows');
const DEFAULT_BUNDLE_PATH = join(PROJECT_ROOT, 'build', 'workflow-bundle.js');

/** Workflow interceptors every bundle carries: the fence header on activities (src/workflows/interceptors.ts). */
export function workflowInterceptorModules(): string[] {
  return [join(WORKFLOWS_DIR, 'interceptors.ts')];
}

export async function buildWorkflowBundle(workflowsPath = join(WORKFLOWS_DIR, 'index.ts')): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: workflowInterceptorModules(), logger: new DefaultLogger('WARN') });
}

/** What the bundle is built from: every source file (workflows import domain rules) and the locked dependencies. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(PROJECT_ROOT, 'src'));
  const lock = join(PROJECT_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

/**
 * The production workers' bundle, built once ahead of time (`npm run build`) rather than at every
 * worker start. With `path` given explicitly it is loaded as is; the default one is rebuilt when the
 * sources changed since it was written.
 */
export async function loadWorkflowBundle(path?: string, log: (line: string) => void = () => undefined): Promise<{ codePath: string }> {
  if (path) {
    if (!existsSync(path)) throw new Error(`no workflow bundle at ${path} (build one with: npm run build)`);
    return { codePath: path };
  }
  if (existsSync(DEFAULT_BUNDLE_PATH) && existsSync(STAMP_PATH) && readFileSync(STAMP_PATH, 'utf8') === sourceHash()) return { codePath: DEFAULT_BUNDLE_PATH };
  log(`Building the workflow bundle ${DEFAULT_BUNDLE_PATH} (once; \`npm run build\` does it ahead of time) ...`);
  await writeDefaultBundle();
  return { codePath: DEFAULT_BUNDLE_PATH };
}

const STAMP_PATH = `${DEFAULT_BUNDLE_PATH}.sha256`;

/** `npm run build`: writes build/workflow-bundle.js and the hash of the sources it was built from. */
export async function writeDefaultBundle(): Promise<string> {
  const hash = sourceHash();
  const { code } = await buildWorkflowBundle();
  mkdirSync(dirname(DEFAULT_BUNDLE_PATH), { recursive: true });
  writeFileSync(`${DEFAULT_BUNDLE_PATH}.${process.pid}.tmp`, code);
  renameSync(`${DEFAULT_BUNDLE_PATH}.${process.pid}.tmp`, DEFAULT_BUNDLE_PATH);
  writeFileSync(STAMP_PATH, hash);
  return DEFAULT_BUNDLE_PATH;
}
