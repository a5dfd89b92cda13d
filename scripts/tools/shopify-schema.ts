import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ensureCached, findOnPath, MissingToolchainError, run, toolsDir } from './cache';
import { ADMIN_API_VERSION } from '../../src/shopify/api-version';

/** `@shopify/dev-mcp` ships introspection results of the Admin API; this version has 2026-10. */
export const DEV_MCP_VERSION = '1.16.0';

/** Path to the Admin GraphQL introspection JSON (`{ data: { __schema } }`) of ADMIN_API_VERSION. */
export async function ensureShopifySchema(): Promise<string> {
  if (process.env.SHOPIFY_SCHEMA_PATH) return process.env.SHOPIFY_SCHEMA_PATH;
  const fileName = `admin_${ADMIN_API_VERSION}.json`;
  const dir = await ensureCached(join(toolsDir(), `shopify-admin-schema-${ADMIN_API_VERSION}-dev-mcp-${DEV_MCP_VERSION}`), async (scratch) => {
    if (!findOnPath('npm')) throw new MissingToolchainError('npm is needed to fetch the Shopify Admin schema package.');
    if (!findOnPath('tar')) throw new MissingToolchainError('tar is needed to unpack the Shopify Admin schema package.');
    run('npm', ['pack', `@shopify/dev-mcp@${DEV_MCP_VERSION}`, '--silent', '--pack-destination', scratch]);
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    const member = `package/dist/data/${fileName}.gz`;
    run('tar', ['-xzf', join(scratch, tarball), '-C', scratch, member]);
    const introspection = gunzipSync(readFileSync(join(scratch, member)));
    JSON.parse(introspection.toString('utf8')); // fail here, not later, on a damaged file
    writeFileSync(join(scratch, fileName), introspection);
    run('rm', ['-rf', join(scratch, 'package'), join(scratch, tarball)]);
  });
  return join(dir, fileName);
}
