import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

/** The production worker, compiled: what `npm run worker` runs with plain node. */
export const WORKER_ENTRY = join(PROJECT_ROOT, 'build', 'worker.js');

/** The Node the project brings (node_modules/node), which runs the compiled worker. */
function projectNodeTarget(): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'node', 'package.json'), 'utf8')) as { version: string };
  return `node${version}`;
}

/**
 * `npm run build` (and every `npm run worker`, in well under a second): compiles src/worker.ts and the
 * project code it imports into one file; the packages stay in node_modules (Temporal's native core,
 * mongodb). Names are kept: Shopify errors name themselves after their class, and Temporal reports
 * that name as the failure type the workflows' retry policies match.
 */
export async function buildWorker(): Promise<string> {
  await build({
    entryPoints: [join(PROJECT_ROOT, 'src', 'worker.ts')],
    outfile: WORKER_ENTRY,
    platform: 'node',
    format: 'cjs',
    target: projectNodeTarget(),
    bundle: true,
    packages: 'external',
    sourcemap: true,
    keepNames: true,
    logLevel: 'warning',
  });
  return WORKER_ENTRY;
}

if (require.main === module) {
  buildWorker()
    .then((path) => console.log(`Worker written: ${path}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
