import { ConfigError } from './config';
import { ShopSyncClient, TaskRunFailedError } from './client';
import { UsageError } from './cli/args';
import { runCommand, RUN_HELP } from './cli/run';
import { shopsCommand, SHOPS_HELP } from './cli/shops';
import { InvalidShopSettingsError } from './domain/shop-settings';
import { ShopExistsError, ShopNotFoundError } from './erp/shop-repository';

const HELP = `shopsync: keeps a Shopify store and an ERP in sync in the background, on Temporal.

Usage: shopsync <command> [--help]

  shops ...     add, update, list, show and remove shops          (shopsync shops --help)
  run ...       run a task for a shop, in the background or not   (shopsync run --help)
  setup         register the search attributes on an existing Temporal cluster

Configuration comes from the environment (TEMPORAL_ADDRESS, MONGODB_URI, SHOPIFY_API_ORIGIN, ...)
or, while \`npm start\` runs, from .data/stack.json. See the README.`;

const out = (line: string): void => console.log(line);

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return out(HELP);
  if (rest.includes('--help') || rest.includes('-h')) {
    if (command === 'shops') return out(SHOPS_HELP);
    if (command === 'run') return out(RUN_HELP);
    if (command === 'setup') return out('Usage: shopsync setup\n\nRegisters ShopDomain, SyncTask, SyncTrigger (Keyword) and SyncRecordErrors (Int).');
  }
  if (!['shops', 'run', 'setup'].includes(command)) throw new UsageError(`unknown command "${command}". See: shopsync --help`);
  const client = await ShopSyncClient.connect();
  try {
    if (command === 'shops') return await shopsCommand(client, rest, out);
    if (command === 'run') return await runCommand(client, rest, out);
    const added = await client.setup();
    out(added.length ? `Registered search attributes: ${added.join(', ')}` : 'Search attributes already registered');
  } finally {
    await client.close();
  }
}

const EXPECTED_ERRORS = [UsageError, ConfigError, InvalidShopSettingsError, ShopExistsError, ShopNotFoundError, TaskRunFailedError];

main(process.argv.slice(2)).catch((error: unknown) => {
  const expected = EXPECTED_ERRORS.some((ErrorClass) => error instanceof ErrorClass);
  console.error(`shopsync: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof TaskRunFailedError && error.run.webUiUrl) console.error(`Web UI: ${error.run.webUiUrl}`);
  process.exit(expected && error instanceof UsageError ? 2 : 1);
});
