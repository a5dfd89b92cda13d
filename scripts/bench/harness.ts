import { SHOP_DOMAIN_HEADER } from '../../emulator/server';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorAdmin } from '../../emulator/admin-client';
import { DEFAULT_BUCKET_SECONDS } from '../../emulator/bucket';
import type { ShopSeed, ShopStats } from '../../emulator/state';
import { PROJECT_ROOT, type AppConfig } from '../../src/config';
import { connectErp, type Erp } from '../../src/erp/db';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import { configureShopifyTransport } from '../../src/shopify/transport';
import { createSyncWorker, type SyncWorker } from '../../src/worker';
import { startStack, type Stack } from '../stack';
import { createBaselineActivities } from './baseline';
import { createCustomerBaselineActivities } from './customers-baseline';
import { createInventoryBaselineActivities } from './inventory-baseline';
import { createProductBaselineActivities } from './products-baseline';

/**
 * What every benchmark runs on: the stack (Temporal dev server, FerretDB, emulator), a worker with the
 * bench workflows bundle (the project's workflows and the baselines) and the baselines' activities,
 * a Temporal client, and shops created in the emulator and the ERP with their tokens.
 */
export const LATENCY_MS = 150;
export const TOKEN = 'shpat_bench_token_0000';
const QUEUE = 'shopify-sync-bench';

export interface Harness {
  stack: Stack;
  admin: EmulatorAdmin;
  erp: Erp;
  temporal: Client;
  queue: string;
  /** Creates a shop in the emulator and in the ERP, with its token known to the worker (latency: the seed's, 0 by default). */
  addShop(seed: Omit<ShopSeed, 'token'>, settings?: Record<string, unknown>): Promise<void>;
  /** Runs a workflow to its end; the seconds are from start to result. */
  run<T>(workflowType: string, workflowId: string, input: unknown): Promise<{ result: T; seconds: number; handle: WorkflowHandle }>;
  close(): Promise<void>;
}

export async function startHarness(database: string): Promise<Harness> {
  const stack = await startStack({ log: (line) => console.log(`  ${line}`) });
  try {
    const admin = new EmulatorAdmin(stack.emulatorUrl);
    const config: AppConfig = {
      temporalAddress: stack.temporalAddress, temporalNamespace: stack.temporalNamespace, taskQueue: QUEUE, mongoUri: stack.mongoUri,
      mongoDatabase: database, shopifyApiOrigin: stack.emulatorUrl, lockCheckSeconds: 10, lockResendSeconds: 60, lockMaxWaitSeconds: 3600, lockTaskQueue: QUEUE, lockHistoryLimit: 2000,
    };
    configureShopifyTransport(config.shopifyApiOrigin);
    const erp = await connectErp(config.mongoUri, config.mongoDatabase);
    const tokens: Record<string, string> = {};
    const worker: SyncWorker = await createSyncWorker({
      config,
      workflowsPath: require.resolve('./workflows'),
      tokens: new EnvAndFileTokenSource(undefined, tokens),
      extraActivities: (deps) => ({ ...createBaselineActivities(deps), ...createProductBaselineActivities(deps), ...createInventoryBaselineActivities(deps), ...createCustomerBaselineActivities(deps) }),
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: config.temporalAddress });
    const temporal = new Client({ connection, namespace: config.temporalNamespace });
    return {
      stack, admin, erp, temporal, queue: QUEUE,
      async addShop(seed, settings = {}) {
        await admin.createShop({ ...seed, token: TOKEN });
        tokens[tokenEnvName(seed.domain)] = TOKEN;
        await erp.shops.add({ domain: seed.domain, allowBackgroundSyncs: false, ...settings });
      },
      async run<T>(workflowType: string, workflowId: string, input: unknown) {
        const started = Date.now();
        const handle = await temporal.workflow.start(workflowType, { taskQueue: QUEUE, workflowId, args: [input] });
        const result = (await handle.result()) as T;
        return { result, seconds: (Date.now() - started) / 1000, handle };
      },
      async close() {
        await worker.shutdown();
        await running;
        await connection.close();
        await erp.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Waits until the shop's bucket is full again, so that each measured run starts alike. */
export function fullBucket(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DEFAULT_BUCKET_SECONDS * 1000));
}

/** The emulator's counters spent by `work`: GraphQL requests, actual cost points, throttled requests. */
export async function statsDelta<T>(admin: EmulatorAdmin, shop: string, work: () => Promise<T>): Promise<{ value: T; spent: ShopStats }> {
  const before = await admin.stats(shop);
  const value = await work();
  const after = await admin.stats(shop);
  const spent = { requests: 0, throttled: 0, actualCostSpent: 0, faultsInjected: 0 };
  for (const key of Object.keys(spent) as Array<keyof ShopStats>) spent[key] = after[key] - before[key];
  return { value, spent };
}

/** Writes bench-results/<name>.json. */
export function writeResults(name: string, results: unknown): void {
  const out = join(PROJECT_ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.json`), JSON.stringify(results, null, 2));
  console.log(`written: bench-results/${name}.json`);
}

export type ShopGraphql = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** The shop's Admin GraphQL endpoint on the emulator, called as a merchant's tool would (no client, no pacing). */
export function shopGraphql(h: Pick<Harness, 'stack'>, shop: string): ShopGraphql {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${h.stack.emulatorUrl}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SHOP_DOMAIN_HEADER]: shop, 'x-shopify-access-token': TOKEN },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** A product with one variant per SKU (option "Size"); the variant ids, in the order given. */
export async function seedVariants(gql: ShopGraphql, title: string, variants: Array<{ sku: string; price: string }>): Promise<string[]> {
  const product = await gql<{ productCreate: { product: { id: string } } }>('mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { id } } }', { p: { title } });
  const created = await gql<{ productVariantsBulkCreate: { productVariants: Array<{ id: string }> } }>(
    'mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { id } } }',
    { id: product.productCreate.product.id, v: variants.map((v) => ({ price: v.price, inventoryItem: { sku: v.sku }, optionValues: [{ optionName: 'Size', name: v.sku }] })) },
  );
  return created.productVariantsBulkCreate.productVariants.map((v) => v.id);
}

