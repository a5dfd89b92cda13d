import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { ApiType, pluckConfig, preset } from '@shopify/api-codegen-preset';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { ADMIN_API_VERSION } from '../src/shopify/api-version';
import { ensureShopifySchema } from './tools/shopify-schema';

/** Where the generated types live (committed: see the README's "Development" section). */
export const GENERATED_DIR = join(PROJECT_ROOT, 'src', 'shopify', 'types');

/**
 * Shopify's custom scalars as they arrive in JSON (the Admin API reference says how each is encoded:
 * dates, decimals, money and 64-bit integers as strings), and enums as string unions, not runtime enums.
 */
const SCALARS = {
  ARN: 'string', BigInt: 'string', Color: 'string', Date: 'string', DateTime: 'string', Decimal: 'string', FormattedString: 'string',
  HTML: 'string', JSON: 'unknown', Money: 'string', StorefrontID: 'string', URL: 'string', UnsignedInt64: 'string', UtcOffset: 'string',
};
const TYPE_CONFIG = { scalars: SCALARS, defaultScalarType: 'unknown', enumsAsTypes: true, useTypeImports: true };

/** Every #graphql-tagged document the project sends: the Shopify layer's and the benchmark baseline's. */
const DOCUMENTS = ['src/**/*.ts', 'scripts/**/*.ts', '!src/shopify/types/**'];

/**
 * `npm run codegen`: generates the variable and result types of every #graphql-tagged document with
 * Shopify's preset for graphql-codegen, against the provisioned Admin API schema (the introspection
 * from `@shopify/dev-mcp`, never fetched from shopify.dev at run time).
 */
export async function generateShopifyTypes(outputDir = GENERATED_DIR): Promise<string[]> {
  const schema = await ensureShopifySchema();
  const files = await generate(
    {
      cwd: PROJECT_ROOT,
      silent: true,
      // The preset's own plucking: it reads #graphql-tagged template literals, fragments interpolated.
      pluckConfig: pluckConfig as CodegenConfig['pluckConfig'],
      generates: {
        [join(outputDir, 'admin.types.d.ts')]: { schema, plugins: ['typescript'], config: TYPE_CONFIG },
        [join(outputDir, 'admin.generated.d.ts')]: { schema, documents: DOCUMENTS, preset, presetConfig: { apiType: ApiType.Admin }, config: TYPE_CONFIG },
      },
    },
    true,
  );
  return files.map((file: { filename: string }) => file.filename);
}

if (require.main === module) {
  generateShopifyTypes()
    .then((files) => console.log(`Generated (Admin API ${ADMIN_API_VERSION}):\n${files.map((f) => `  ${f}`).join('\n')}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
