import { InvalidShopSettingsError } from '../domain/shop-settings';
import { InvalidRunRequestError, ShopSyncClient, TaskRunFailedError } from '../client';
import { UsageError } from './args';
import { companiesCommand, COMPANIES_HELP } from './companies';
import { catalogsCommand, CATALOGS_HELP } from './catalogs';
import { customersCommand, CUSTOMERS_HELP } from './customers';
import { locationsCommand, LOCATIONS_HELP } from './locations';
import { productsCommand, PRODUCTS_HELP } from './products';
import { ordersCommand, ORDERS_HELP } from './orders';
import { shipmentsCommand, SHIPMENTS_HELP } from './records';
import { runCommand, RUN_HELP } from './run';
import { lockCommand, runsCommand, RUNS_HELP } from './runs';
import { schedulesCommand, SCHEDULES_HELP } from './schedules';
import { shopsCommand, SHOPS_HELP } from './shops';
import { FAILURES_HELP, failuresCommand, STATUS_HELP, statusCommand } from './status';
import { webhooksCommand, WEBHOOKS_HELP } from './webhooks';

const HELP = `shopsync: keeps a Shopify store and an ERP in sync in the background, on Temporal.

Usage: shopsync <command> [--help]

  shops ...       add, update, list, show and remove shops          (shopsync shops --help)
  run ...         run a task for a shop, in the background or not   (shopsync run --help)
  schedules ...   recurring runs: list, apply, pause, trigger, ...  (shopsync schedules --help)
  status          what needs attention, with the records behind it  (shopsync status --help)
  failures        recent failed runs with their reasons             (shopsync failures --help)
  runs ...        show or cancel a run                              (shopsync runs --help)
  lock            who holds the shop's lock, who waits; lock break  (shopsync lock --help)
  orders ...      the shop's orders and their sales documents      (shopsync orders --help)
  products add    create Shopify products from ERP items            (shopsync products --help)
  customers add   create Shopify customers from ERP customers       (shopsync customers --help)
  companies ...   add B2B companies; a location's sell-to/bill-to   (shopsync companies --help)
  catalogs ...    a catalog's price context and syncPrices          (shopsync catalogs --help)
  locations ...   a location's stock calculation and ERP filter     (shopsync locations --help)
  shipments retry send errored shipments again                      (shopsync shipments --help)
  webhooks apply  subscribe the shop's webhooks to the service      (shopsync webhooks --help)
  setup           register the search attributes on an existing Temporal cluster

Every command about one shop takes it either way: \`shopsync status my-store.myshopify.com\` or
\`shopsync status --shop my-store.myshopify.com\` (for run, after the task). Every command takes
--json and then prints one JSON document (for read commands, the data the text shows).

Configuration comes from the environment (TEMPORAL_ADDRESS, MONGODB_URI, SHOPIFY_API_ORIGIN, ...)
or, while \`npm start\` runs, from .data/stack.json. See the README.`;

/** An unknown option or a missing option value, as node:util parseArgs reports it: a usage mistake too. */
const isParseArgsError = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code ?? '').startsWith('ERR_PARSE_ARGS_');

async function dispatch(argv: string[], out: (line: string) => void, connect: () => Promise<ShopSyncClient>): Promise<void> {
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
    shipments: SHIPMENTS_HELP,
    orders: ORDERS_HELP,
    webhooks: WEBHOOKS_HELP,
    setup: 'Usage: shopsync setup [--json]\n\nRegisters ShopDomain, SyncTask, SyncTrigger (Keyword) and SyncRecordErrors (Int).',
  };
  if (!Object.hasOwn(help, command)) throw new UsageError(`unknown command "${command}". See: shopsync --help`);
  if (rest.includes('--help') || rest.includes('-h')) return out(help[command] as string);
  const client = await connect();
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
    if (rest.includes('--json')) return out(JSON.stringify({ registered: added }, null, 2));
    out(added.length ? `Registered search attributes: ${added.join(', ')}` : 'Search attributes already registered');
  } finally {
    await client.close();
  }
}

/** Where a command line writes, and how it reaches the servers (the environment's configuration unless given). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  connect?: () => Promise<ShopSyncClient>;
}

/** Runs one shopsync command line and answers its exit code: 0, 1 on failure, 2 on a usage or input mistake (arguments, settings, filters). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await dispatch(argv, io.out, io.connect ?? (() => ShopSyncClient.connect()));
    return 0;
  } catch (error) {
    io.err(`shopsync: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof TaskRunFailedError && error.run.webUiUrl) io.err(`Web UI: ${error.run.webUiUrl}`);
    return error instanceof UsageError || error instanceof InvalidRunRequestError || error instanceof InvalidShopSettingsError || isParseArgsError(error) ? 2 : 1;
  }
}
