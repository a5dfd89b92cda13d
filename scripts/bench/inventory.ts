import { deflateSync } from 'node:zlib';
import { PLAN_RESTORE_RATES } from '../../emulator/bucket';
import { sha256Of } from '../../src/erp/item-pictures';
import type { SyncImagesResult } from '../../src/workflows/sync-images';
import type { SyncInventoryResult } from '../../src/workflows/sync-inventory';
import type { SyncProductsResult } from '../../src/workflows/sync-products';
import { fullBucket, LATENCY_MS, startHarness, statsDelta, writeResults, type Harness } from './harness';
import { baseOnHand, CODES, ERP_LOCATIONS, invItemNo, prepareShop, seedErpCatalog, SHOP_LOCATIONS } from './inventory-setup';
import { random } from './seeded-random';

/**
 * `npm run bench -- inventory`: the inventory task against the connector's request structure, Plus rate,
 * 150 ms per request. 20,000 variants (4,000 products × 5) at 2 locations: a first full push, then 1 %
 * of the variants' ERP stock changed (ours needs ≤ 5 % of its full push's points and ≥ 20× the
 * baseline's speed). Then images: 500 products with pictures, 1 % of them changed (only those are
 * uploaded again). BENCH_INVENTORY_VARIANTS and BENCH_IMAGES_PRODUCTS shrink the sizes. Writes
 * bench-results/inventory.json.
 */
const OURS_SHOP = 'bench-inventory-ours.myshopify.com';
const BASELINE_SHOP = 'bench-inventory-baseline.myshopify.com';
const IMAGES_SHOP = 'bench-images.myshopify.com';
const VARIANTS = Number(process.env.BENCH_INVENTORY_VARIANTS ?? 20_000);
const PRODUCTS = Math.ceil(VARIANTS / CODES.length);
const TOTAL_VARIANTS = PRODUCTS * CODES.length;
const CHANGED_VARIANTS = Math.max(1, Math.round(TOTAL_VARIANTS * 0.01));
const IMAGE_PRODUCTS = Number(process.env.BENCH_IMAGES_PRODUCTS ?? 500);
const CHANGED_IMAGES = Math.max(1, Math.round(IMAGE_PRODUCTS * 0.01));

interface RunFigures {
  seconds: number;
  requests: number;
  points: number;
  throttled: number;
  quantitiesSet: number;
  levelsRead?: number;
}

/** A changed variant: its SKU, the location whose ERP stock changed, and the quantity each Shopify location must show. */
interface Changed {
  sku: string;
  expected: Record<string, number>;
}

const expectedLevels = (product: number, variant: number, bump?: { location: number; by: number }): Record<string, number> =>
  Object.fromEntries(SHOP_LOCATIONS.map((l, i) => [l.name, baseOnHand(product, variant, i) + (bump?.location === i ? bump.by : 0)]));

async function measure(h: Harness, approach: 'ours' | 'baseline', label: string, expectedSets: number): Promise<RunFigures> {
  await fullBucket();
  const shop = approach === 'ours' ? OURS_SHOP : BASELINE_SHOP;
  const workflow = approach === 'ours' ? 'syncInventory' : 'baselineSyncInventory';
  const { value: run, spent } = await statsDelta(h.admin, shop, () =>
    h.run<SyncInventoryResult & { failed?: number }>(workflow, `bench-inventory-${label}-${approach}-${Date.now()}`, { shop }),
  );
  const { result } = run;
  if (result.quantitiesSet !== expectedSets || result.skipped || result.failed) throw new Error(`${approach} ${label} push: ${JSON.stringify(result)}, expected ${expectedSets} quantities set`);
  console.log(`  ${approach} ${label} push: ${result.quantitiesSet} quantities in ${run.seconds.toFixed(1)} s, ${spent.requests} requests, ${spent.actualCostSpent} points`);
  return { seconds: run.seconds, requests: spent.requests, points: spent.actualCostSpent, throttled: spent.throttled, quantitiesSet: result.quantitiesSet, ...(result.levelsRead ? { levelsRead: result.levelsRead } : {}) };
}

/** The emulator shows these variants' expected quantities at both locations. */
async function verify(h: Harness, shop: string, variants: Changed[]): Promise<void> {
  for (const v of variants) {
    const shown = Object.fromEntries((await h.admin.inventoryLevels(shop, v.sku)).map((l) => [l.locationName, l.quantities.available]));
    for (const [location, quantity] of Object.entries(v.expected)) {
      if (shown[location] !== quantity) throw new Error(`${shop}: ${v.sku} shows ${JSON.stringify(shown)}, expected ${JSON.stringify(v.expected)}`);
    }
  }
}

function pick(count: number, total: number, seed: number): number[] {
  const next = random(seed);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(next() * total));
  return [...chosen];
}

/** Changes 1 % of the variants' ERP stock: one location each (alternating), 100 more on hand. */
async function changeStock(h: Harness): Promise<Changed[]> {
  const changed: Changed[] = [];
  for (const [n, flat] of pick(CHANGED_VARIANTS, TOTAL_VARIANTS, 20_260_301).entries()) {
    const product = Math.floor(flat / CODES.length);
    const variant = flat % CODES.length;
    const location = n % ERP_LOCATIONS.length;
    const code = CODES[variant] as string;
    await h.erp.stock.set(invItemNo(product), code, ERP_LOCATIONS[location] as string, { onHand: baseOnHand(product, variant, location) + 100 });
    changed.push({ sku: `${invItemNo(product)}|${code}`, expected: expectedLevels(product, variant, { location, by: 100 }) });
  }
  return changed;
}

async function benchStock(h: Harness) {
  const started = Date.now();
  await seedErpCatalog(h, PRODUCTS);
  for (const shop of [OURS_SHOP, BASELINE_SHOP]) await prepareShop(h, shop, PRODUCTS, h.stack.emulatorUrl);
  for (const shop of [OURS_SHOP, BASELINE_SHOP]) await h.admin.updateShop(shop, { latencyMs: LATENCY_MS, bucketSize: null });
  const setupSeconds = (Date.now() - started) / 1000;
  console.log(`  setup (not measured): ${TOTAL_VARIANTS} variants × 2 locations in two shops, ${setupSeconds.toFixed(0)} s`);

  const sample = pick(5, TOTAL_VARIANTS, 7).map((flat) => {
    const product = Math.floor(flat / CODES.length);
    const variant = flat % CODES.length;
    return { sku: `${invItemNo(product)}|${CODES[variant] as string}`, expected: expectedLevels(product, variant) };
  });
  const allSets = TOTAL_VARIANTS * SHOP_LOCATIONS.length;
  const full = { ours: await measure(h, 'ours', 'full', allSets), baseline: await measure(h, 'baseline', 'full', allSets) };
  for (const shop of [OURS_SHOP, BASELINE_SHOP]) await verify(h, shop, sample);

  const changed = await changeStock(h);
  const delta = { ours: await measure(h, 'ours', 'delta', CHANGED_VARIANTS), baseline: await measure(h, 'baseline', 'delta', CHANGED_VARIANTS) };
  for (const shop of [OURS_SHOP, BASELINE_SHOP]) await verify(h, shop, [...changed.slice(0, 5), ...sample]);
  return { full, delta, setupSeconds };
}

/** A 1×1 PNG of one colour, distinct per `n`. */
function png(n: number): Buffer {
  const table = Array.from({ length: 256 }, (_, i) => {
    let c = i;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (table[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixel = Buffer.from([0, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixel)), chunk('IEND', Buffer.alloc(0))]);
}

interface ImageFigures {
  seconds: number;
  requests: number;
  points: number;
  uploaded: number;
  unchanged: number;
  skipped: number;
}

async function benchImages(h: Harness) {
  const itemNo = (i: number) => `G${String(i + 1).padStart(5, '0')}`;
  await h.addShop({ domain: IMAGES_SHOP, plan: 'plus', currencyCode: 'EUR', latencyMs: 0, mediaProcessingMs: 0 }, { syncItem: 'fromShopify', skuMapping: 'itemNo', syncItemImages: 'toShopify' });
  const seeded = [];
  for (let start = 0; start < IMAGE_PRODUCTS; start += 250) {
    const seeds = Array.from({ length: Math.min(250, IMAGE_PRODUCTS - start) }, (_, k) => ({ title: `Picture product ${itemNo(start + k)}`, variants: [{ sku: itemNo(start + k), price: '10.00' }] }));
    seeded.push(...(await h.admin.seedProducts(IMAGES_SHOP, seeds)));
  }
  for (let i = 0; i < IMAGE_PRODUCTS; i += 1) {
    await h.erp.items.upsert({ no: itemNo(i), description: `Picture product ${itemNo(i)}`, unitPrice: '10.00' });
    await h.erp.pictures.set(itemNo(i), null, png(i + 1), 'image/png', `${itemNo(i)}.png`);
  }
  const imported = await h.run<SyncProductsResult>('syncProducts', 'bench-images-setup-import', { shop: IMAGES_SHOP });
  if (imported.result.imported !== IMAGE_PRODUCTS) throw new Error(`images setup import: ${JSON.stringify(imported.result)}`);
  await h.admin.updateShop(IMAGES_SHOP, { latencyMs: LATENCY_MS });

  const measureImages = async (label: string): Promise<ImageFigures> => {
    await fullBucket();
    const { value: run, spent } = await statsDelta(h.admin, IMAGES_SHOP, () => h.run<SyncImagesResult>('syncImages', `bench-images-${label}-${Date.now()}`, { shop: IMAGES_SHOP }));
    const r = run.result;
    console.log(`  images ${label}: ${r.uploaded} uploaded, ${r.unchanged} unchanged, ${r.skipped} skipped in ${run.seconds.toFixed(1)} s, ${spent.requests} requests, ${spent.actualCostSpent} points`);
    return { seconds: run.seconds, requests: spent.requests, points: spent.actualCostSpent, uploaded: r.uploaded, unchanged: r.unchanged, skipped: r.skipped };
  };
  const first = await measureImages('first');
  const changedIndexes = pick(CHANGED_IMAGES, IMAGE_PRODUCTS, 11);
  for (const i of changedIndexes) await h.erp.pictures.set(itemNo(i), null, png(1_000_000 + i), 'image/png', `${itemNo(i)}.png`);
  const afterChange = await measureImages('after change');
  for (const i of changedIndexes.slice(0, 5)) {
    const productId = seeded[i]?.id as string;
    const media = await h.admin.getProductMedia(IMAGES_SHOP, productId);
    if (media.length !== 1 || media[0]?.sha256 !== sha256Of(png(1_000_000 + i))) throw new Error(`images: ${itemNo(i)} shows ${JSON.stringify(media.map((m) => m.sha256))}, not its changed picture`);
  }
  const ok = first.uploaded === IMAGE_PRODUCTS && afterChange.uploaded === CHANGED_IMAGES && afterChange.unchanged === IMAGE_PRODUCTS - CHANGED_IMAGES && !first.skipped && !afterChange.skipped;
  return { products: IMAGE_PRODUCTS, changed: CHANGED_IMAGES, first, afterChange, onlyChangedUploaded: ok };
}

function table(rows: Array<[string, string, string]>): void {
  for (const [label, ours, baseline] of rows) console.log(`${label.padEnd(30)} ${ours.padStart(12)} ${baseline.padStart(12)}`);
}

/** Runs the benchmark; false when a target is missed (the reasons are printed). */
export async function benchInventory(): Promise<boolean> {
  console.log(`Benchmark inventory: ${TOTAL_VARIANTS} variants × 2 locations, ${CHANGED_VARIANTS} changed; plus (${PLAN_RESTORE_RATES.plus} points/s), ${LATENCY_MS} ms per request; images: ${IMAGE_PRODUCTS} products, ${CHANGED_IMAGES} changed`);
  const h = await startHarness('shopsync_bench_inventory');
  try {
    const { full, delta, setupSeconds } = await benchStock(h);
    const images = await benchImages(h);
    const pointsRatio = delta.ours.points / full.ours.points;
    const speedup = delta.baseline.seconds / delta.ours.seconds;
    const checks = { deltaPointsAtMost5PercentOfFull: pointsRatio <= 0.05, deltaSpeedupAtLeast20: speedup >= 20, imagesOnlyChangedUploaded: images.onlyChangedUploaded };
    console.log('');
    table([
      ['', 'ours', 'baseline'],
      [`full push ${TOTAL_VARIANTS} × 2: seconds`, full.ours.seconds.toFixed(1), full.baseline.seconds.toFixed(1)],
      ['  requests', String(full.ours.requests), String(full.baseline.requests)],
      ['  points', full.ours.points.toFixed(0), full.baseline.points.toFixed(0)],
      [`after ${CHANGED_VARIANTS} changed: seconds`, delta.ours.seconds.toFixed(1), delta.baseline.seconds.toFixed(1)],
      ['  requests', String(delta.ours.requests), String(delta.baseline.requests)],
      ['  points', delta.ours.points.toFixed(0), delta.baseline.points.toFixed(0)],
    ]);
    console.log(`\nimages: first run uploaded ${images.first.uploaded} (${images.first.seconds.toFixed(1)} s, ${images.first.requests} requests); after ${images.changed} changed: uploaded ${images.afterChange.uploaded}, unchanged ${images.afterChange.unchanged} (${images.afterChange.seconds.toFixed(1)} s, ${images.afterChange.requests} requests)`);
    console.log(`delta points ${(pointsRatio * 100).toFixed(2)} % of ours' full push (needs ≤ 5 %): ${checks.deltaPointsAtMost5PercentOfFull ? 'ok' : 'NOT MET'}; delta speed-up ${speedup.toFixed(1)}× (needs ≥ 20): ${checks.deltaSpeedupAtLeast20 ? 'ok' : 'NOT MET'}; images only changed uploaded: ${checks.imagesOnlyChangedUploaded ? 'ok' : 'NOT MET'}`);
    writeResults('inventory', {
      date: new Date().toISOString(),
      latencyMs: LATENCY_MS,
      plan: 'plus',
      variants: TOTAL_VARIANTS,
      locations: SHOP_LOCATIONS.length,
      changedVariants: CHANGED_VARIANTS,
      setupSeconds,
      full,
      delta: { ...delta, pointsRatioToFull: pointsRatio, speedup },
      images,
      checks,
    });
    return Object.values(checks).every(Boolean);
  } finally {
    await h.close();
  }
}
