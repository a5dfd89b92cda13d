import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Merchant } from '../emulator/merchant-client';
import { STACK_FILE, StackFileSchema } from '../src/config';

/**
 * `npm run demo:order -- [--sku MUG] [--quantity 2] [--email camille@example.com]`: while `npm start`
 * runs, a customer places a web order in the demo shop (through the emulator, as a storefront would),
 * and the commands that follow it into the ERP are printed.
 */
const DEMO_SHOP = 'demo-store.myshopify.com';
const DEMO_SKUS = ['TSHIRT-S', 'TSHIRT-M', 'MUG'];
const USAGE = 'npm run demo:order -- [--sku MUG] [--quantity 2] [--email camille@example.com]';

/** A mistake in the arguments, or the demo not running: one line, exit code 2. */
class DemoOrderError extends Error {}

function options(argv: string[]): { sku: string; quantity: number; email: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { sku: { type: 'string', default: 'MUG' }, quantity: { type: 'string', default: '1' }, email: { type: 'string', default: 'camille@example.com' } } }));
  } catch (error) {
    throw new DemoOrderError(`${(error as Error).message}. Usage: ${USAGE}`);
  }
  const sku = values.sku.trim();
  if (!sku || sku.includes('"')) throw new DemoOrderError(`--sku must be a SKU of the demo shop (${DEMO_SKUS.join(', ')}), got "${values.sku}"`);
  const quantity = Number(values.quantity);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) throw new DemoOrderError(`--quantity must be a whole number from 1 to 999, got "${values.quantity}"`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) throw new DemoOrderError(`--email must be an e-mail address, got "${values.email}"`);
  return { sku, quantity, email: values.email };
}

/** The emulator's address and the demo shop's token, as the running demo wrote them under .data/. */
function demoShop(): { emulatorUrl: string; token: string } {
  const stackFile = process.env.SHOPSYNC_STACK_FILE ?? STACK_FILE;
  if (!existsSync(stackFile)) throw new DemoOrderError(`start the demo first: npm start (no ${stackFile})`);
  const stack = StackFileSchema.safeParse(JSON.parse(readFileSync(stackFile, 'utf8')));
  if (!stack.success) throw new DemoOrderError(`${stackFile} is not a stack file: restart the demo (npm start)`);
  const { emulatorUrl, secretsFile } = stack.data;
  if (!secretsFile || !existsSync(secretsFile)) throw new DemoOrderError(`the demo's secrets file is missing (${secretsFile ?? 'not named in the stack file'}): restart the demo (npm start)`);
  // Older secrets files held the token alone; newer ones the token and the webhook secret.
  const stored = (JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string | { token?: string }>)[DEMO_SHOP];
  const token = typeof stored === 'string' ? stored : stored?.token;
  if (!token) throw new DemoOrderError(`${secretsFile} has no token for ${DEMO_SHOP}: restart the demo (npm start)`);
  return { emulatorUrl, token };
}

async function variantOf(merchant: Merchant, sku: string): Promise<{ id: string; title: string }> {
  const found = await merchant.graphql<{ productVariants: { nodes: Array<{ id: string; sku: string | null; title: string; product: { title: string } }> } }>(
    'query($q: String!) { productVariants(first: 10, query: $q) { nodes { id sku title product { title } } } }',
    { q: `sku:"${sku}"` },
  );
  const variant = found.productVariants.nodes.find((v) => v.sku === sku);
  if (!variant) throw new DemoOrderError(`${DEMO_SHOP} has no variant with SKU "${sku}"; the demo's SKUs: ${DEMO_SKUS.join(', ')}`);
  return { id: variant.id, title: variant.title === 'Default Title' ? variant.product.title : `${variant.product.title} ${variant.title}` };
}

async function main(argv: string[]): Promise<void> {
  const { sku, quantity, email } = options(argv);
  const { emulatorUrl, token } = demoShop();
  const merchant = new Merchant(emulatorUrl, DEMO_SHOP, token);
  let variant: { id: string; title: string };
  try {
    variant = await variantOf(merchant, sku);
  } catch (error) {
    if (error instanceof DemoOrderError) throw error;
    throw new DemoOrderError(`cannot reach the emulator at ${emulatorUrl} (${(error as Error).message}): is npm start still running?`);
  }
  const order = await merchant.webOrder([{ variantId: variant.id, quantity }], { email });
  console.log(`Created order ${order.name} (${order.id}) in ${DEMO_SHOP}: ${quantity} x ${variant.title} (${sku}) for ${email}, paid, shipping 5.00 EUR.`);
  console.log('The shop\'s orders/create webhook brings it in shortly, the orders schedule within a minute; or now:');
  console.log(`  npx shopsync run orders ${DEMO_SHOP} --wait`);
  console.log(`  npx shopsync orders list ${DEMO_SHOP}          # ${order.name}: processed, with its sales document`);
  console.log(`  npx shopsync status ${DEMO_SHOP}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`demo:order: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof DemoOrderError ? 2 : 1);
});
