import { Client, Connection } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createOrderImportActivities, type OrderImportStepResult } from '../../src/activities/order-import';
import { assertFenceHolds, runGuarded } from '../../src/activities/run-guard';
import { loadConfig } from '../../src/config';
import { connectErp } from '../../src/erp/db';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { DEFAULT_RETRY, ShopifyClients } from '../../src/shopify/client';
import { configureShopifyTransport } from '../../src/shopify/transport';

/** The workflow's step length, so both runs hand back the page cursor as often. */
const STEP_MILLIS = 60_000;

/**
 * The orchestration-overhead baseline of `npm run bench -- worker`, in a process of its own as the
 * worker is: the paged order import's activities (plan, pages, cursor) called one after the other,
 * as syncOrders calls them, with no workflow and no Temporal in between (the same
 * fence check before each write, on a lock granted in the store). Configured from the
 * environment like the worker; prints one JSON line: the seconds and what was stored.
 */
async function main(): Promise<void> {
  const shop = process.env.BENCH_SHOP;
  if (!shop) throw new Error('BENCH_SHOP is not set');
  const config = loadConfig();
  configureShopifyTransport(config.shopifyApiOrigin);
  const erp = await connectErp(config.mongoUri, config.mongoDatabase);
  const connection = await Connection.connect({ address: config.temporalAddress });
  const activities = createOrderImportActivities({
    shops: erp.shops,
    locations: erp.locations,
    shopify: new ShopifyClients(new EnvAndFileTokenSource(), DEFAULT_RETRY, () => undefined),
    temporal: new Client({ connection, namespace: config.temporalNamespace }),
    lock: { taskQueue: config.taskQueue, checkIntervalMs: 10_000, resendAfterMs: 60_000, maxWaitMs: 3_600_000, historyLimit: 2000 },
    erp,
  });
  // The same fence as a run's: the shop's lock granted in the store, checked before every write.
  const lockId = `bench-direct-lock:${shop}`;
  const request = { key: `direct/${Date.now()}`, workflowId: 'direct', runId: 'direct', task: 'orders', requestedAt: Date.now() };
  const grant = await erp.locks.grant(lockId, shop, (await erp.locks.load(lockId)).token, request, [], Date.now());
  if (!grant.granted) throw new Error(`could not take ${lockId}`);
  const fence = { lockId, token: grant.token };
  const environment = new MockActivityEnvironment();
  // Each call runs in an activity context (heartbeats go nowhere) under the guard, as the worker runs it.
  const call = <A extends unknown[], R>(activity: (...args: A) => Promise<R>, ...args: A): Promise<R> =>
    environment.run(
      (...inner: A) =>
        runGuarded(
          {
            fence,
            signal: environment.context.cancellationSignal,
            heartbeat: () => undefined,
            assertMayWrite: () => assertFenceHolds(erp.locks, 'direct', environment.context.cancellationSignal, fence),
          },
          () => activity(...inner),
        ),
      ...args,
    ) as Promise<R>;
  const started = Date.now();
  const options = { bulk: false };
  const plan = await call(activities.planOrderImport, { shop, filters: {}, options });
  let after: string | null = null;
  let fetched = 0;
  let newest: string | null = null;
  for (let done = false; !done; ) {
    const step: OrderImportStepResult = await call(activities.importOrderPages, { shop, query: plan.query, after, includeClosed: !plan.incremental, maxMillis: STEP_MILLIS });
    fetched += step.fetched;
    after = step.after;
    done = step.done;
    if (step.maxUpdatedAt && (!newest || step.maxUpdatedAt > newest)) newest = step.maxUpdatedAt;
  }
  if (plan.incremental && newest) await call(activities.advanceOrderCursor, { shop, cursorKey: plan.cursorKey, cursor: newest });
  const seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, fetched }));
  await connection.close();
  await erp.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
