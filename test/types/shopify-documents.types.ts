import type { ShopifyAdminClient } from '../../src/shopify/client';
import { LOCATIONS_QUERY } from '../../src/shopify/documents/shop';

/**
 * Type tests, checked by `npm run typecheck` (never run): the documents type `client.request` by
 * themselves, through the types `npm run codegen` generates. Each `@ts-expect-error` fails the
 * type-check if the line below it stops being an error.
 */
export async function documentsTypeTheirRequests(client: ShopifyAdminClient): Promise<void> {
  const { data } = await client.request(LOCATIONS_QUERY, { first: 5, after: null });
  const names: string[] = data.locations.nodes.map((location) => location.name);
  void names;

  // @ts-expect-error a field the document does not select
  void data.locations.nodes[0]?.legacyResourceId;

  // @ts-expect-error a variable the document does not declare
  void client.request(LOCATIONS_QUERY, { frist: 5 });

  // @ts-expect-error a required variable left out
  void client.request(LOCATIONS_QUERY, {});

  // A document the generator has not seen answers `unknown`, to be checked by whoever sent it.
  const untyped = await client.request('query { shop { name } }');
  // @ts-expect-error unknown until checked
  void untyped.data.shop;
}
