import { InvalidRunRequestError, ShopSyncClient, TaskRunFailedError } from './client';
import { UsageError } from './cli/args';
import { companiesCommand, COMPANIES_HELP } from './cli/companies';
import { catalogsCommand, CATALOGS_HELP } from './cli/catalogs';
import { customersCommand, CUSTOMERS_HELP } from './cli/customers';
import { locationsCommand, LOCATIONS_HELP } from './cli/locations';
import { productsCommand, PRODUCTS_HELP } from './cli/products';
import { ordersCommand, RECORDS_HELP, shipmentsCommand } from './cli/records';
import { runCommand, RUN_HELP } from './cli/run';
import { lockCommand, runsCommand, RUNS_HELP } from './cli/runs';
import { schedulesCommand, SCHEDULES_HELP } from './cli/schedules';
import { shopsCommand, SHOPS_HELP } from './cli/shops';
import { FAILURES_HELP, failuresCommand, STATUS_HELP, statusCommand } from './cli/status';
import { webhooksCommand, WEBHOOKS_HELP } from './cli/webhooks';

const HELP = `shopsync: keeps a Shopify store and an ERP in sync in the background, on Temporal.

Usage: shopsync <command> [--help]

  shops ...       add, update, list, show and remove shops          (shopsync shops --help)
  run ...         run a task for a shop, in the background or not   (shopsync run --help)
  schedules ...   recurring runs: list, apply, pause, trigger, ...  (shopsync schedules --help)
  status <shop>   what needs attention, with the records behind it  (shopsync status --help)
  failures        recent failed runs with their reasons             (shopsync failures --help)
  runs ...        show or cancel a run                              (shopsync runs --help)
  lock <shop>     who holds the shop's lock, who waits; lock break  (shopsync lock --help)
  products add    create Shopify products from ERP items            (shopsync products --help)
  customers add   create Shopify customers from ERP customers       (shopsync customers --help)
  companies ...   add B2B companies; a location's sell-to/bill-to   (shopsync companies --help)
  catalogs ...    a catalog's price context and syncPrices          (shopsync catalogs --help)
  locations ...   a location's stock calculation and ERP filter     (shopsync locations --help)
  shipments retry send errored shipments again                      (shopsync shipments --help)
  orders resolve-conflict   accept an order edited after processing (shopsync orders --help)
  webhooks apply  subscribe the shop's webhooks to the service      (shopsync webhooks --help)
  setup           register the search attributes on an existing Temporal cluster

Configuration comes from the environment (TEMPORAL_ADDRESS, MONGODB_URI, SHOPIFY_API_ORIGIN, ...)
or, while \`npm start\` runs, from .data/stack.json. See the README.`;

const out = (line: string): void => console.log(line);

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return out(HELP);
  const help: Record<string, string> = {
    shops: SHOPS_HELP,
    run: RUN_HELP,
    schedules: SCHEDULES_HELP,
    status: STATUS_HELP,
    failures: FAILURES_HELP,
    runs: RUNS_HELP,
    lock: RUNS_HELP,
    products: PRODUCTS_HELP,
    customers: CUSTOMERS_HELP,
    catalogs: CATALOGS_HELP,
    companies: COMPANIES_HELP,
    locations: LOCATIONS_HELP,
    shipments: RECORDS_HELP,
    orders: RECORDS_HELP,
    webhooks: WEBHOOKS_HELP,
    setup: 'Usage: shopsync setup\n\nRegisters ShopDomain, SyncTask, SyncTrigger (Keyword) and SyncRecordErrors (Int).',
  };
  if (!Object.hasOwn(help, command)) throw new UsageError(`unknown command "${command}". See: shopsync --help`);
  if (rest.includes('--help') || rest.includes('-h')) return out(help[command] as string);
  const client = await ShopSyncClient.connect();
  try {
    if (command === 'shops') return await shopsCommand(client, rest, out);
    if (command === 'run') return await runCommand(client, rest, out);
    if (command === 'schedules') return await schedulesCommand(client, rest, out);
    if (command === 'status') return await statusCommand(client, rest, out);
    if (command === 'failures') return await failuresCommand(client, rest, out);
    if (command === 'runs') return await runsCommand(client, rest, out);
    if (command === 'lock') return await lockCommand(client, rest, out);
    if (command === 'locations') return await locationsCommand(client, rest, out);
    if (command === 'products') return await productsCommand(client, rest, out);
    if (command === 'customers') return await customersCommand(client, rest, out);
    if (command === 'catalogs') return await catalogsCommand(client, rest, out);
    if (command === 'companies') return await companiesCommand(client, rest, out);
    if (command === 'shipments') return await shipmentsCommand(client, rest, out);
    if (command === 'orders') return await ordersCommand(client, rest, out);
    if (command === 'webhooks') return await webhooksCommand(client, rest, out);
    const added = await client.setup();
    out(added.length ? `Registered search attributes: ${added.join(', ')}` : 'Search attributes already registered');
  } finally {
    await client.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`shopsync: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof TaskRunFailedError && error.run.webUiUrl) console.error(`Web UI: ${error.run.webUiUrl}`);
  process.exit(error instanceof UsageError || error instanceof InvalidRunRequestError ? 2 : 1);
});
