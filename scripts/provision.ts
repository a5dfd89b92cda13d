import { MissingToolchainError } from './tools/cache';
import { ensureFerretDb } from './tools/ferretdb';
import { ensureShopifySchema } from './tools/shopify-schema';
import { ensureTemporalCli } from './tools/temporal-cli';

/** Installs (once) everything the local stack needs; each step is idempotent and cached. */
export async function provision(log: (line: string) => void = () => undefined): Promise<{ temporal: string; ferretdb?: string; schema: string }> {
  const temporal = process.env.TEMPORAL_ADDRESS ? '' : await step('Temporal CLI', ensureTemporalCli, log);
  const ferretdb = process.env.MONGODB_URI ? undefined : await step('FerretDB', ensureFerretDb, log);
  const schema = await step('Shopify Admin schema', ensureShopifySchema, log);
  return { temporal, ferretdb, schema };
}

async function step(name: string, ensure: () => Promise<string>, log: (line: string) => void): Promise<string> {
  const started = Date.now();
  const path = await ensure();
  log(`${name}: ${path} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return path;
}

if (require.main === module) {
  provision(console.log).catch((error: unknown) => {
    console.error(error instanceof MissingToolchainError ? error.message : error);
    process.exit(1);
  });
}
