import { DefaultLogger, Runtime } from '@temporalio/worker';
import { benchCustomers } from './customers';
import { benchInitialLoad } from './initial-load';
import { benchInventory } from './inventory';
import { benchOrdersImport } from './orders-import';
import { benchProducts } from './products';
import { benchWorker } from './worker';

/**
 * `npm run bench -- <name>`: runs one benchmark by name, or every one in turn without a name. Each
 * starts a stack of its own (see harness.ts) and writes bench-results/<name>.json; the exit code is
 * non-zero when a benchmark fails or misses its target.
 */
const BENCHMARKS: Record<string, () => Promise<boolean>> = {
  'orders-import': benchOrdersImport,
  products: benchProducts,
  inventory: benchInventory,
  customers: benchCustomers,
  'initial-load': benchInitialLoad,
  worker: benchWorker,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  let ok = true;
  for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
    const bench = BENCHMARKS[name] as () => Promise<boolean>;
    if (!(await bench())) ok = false;
    console.log('');
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
