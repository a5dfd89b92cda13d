import { randomBytes } from 'node:crypto';
import { SHOP_DOMAIN_HEADER } from './server';

/**
 * What a merchant (or Shopify's admin) does to a store, done through the emulator's Admin GraphQL
 * API with the shop's token, as tests and the demo drive a development store.
 */
export class Merchant {
  constructor(private readonly emulatorUrl: string, readonly shop: string, private readonly token: string) {}

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.emulatorUrl}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SHOP_DOMAIN_HEADER]: this.shop, 'x-shopify-access-token': this.token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!response.ok || body.errors) throw new Error(`merchant call failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
    return body.data as T;
  }

  /** A product with one variant per SKU; returns the variant ids by SKU. */
  async product(title: string, variants: Array<{ sku: string; price: string; barcode?: string }>): Promise<Record<string, string>> {
    const created = await this.graphql<{ productCreate: { product: { id: string } } }>(
      'mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { id } userErrors { field message } } }',
      { p: { title, productOptions: variants.length > 1 ? [{ name: 'Size', values: variants.map((v) => ({ name: v.sku })) }] : undefined } },
    );
    const result = await this.graphql<{ productVariantsBulkCreate: { productVariants: Array<{ id: string; sku: string }>; userErrors: unknown[] } }>(
      'mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { id sku } userErrors { field message } } }',
      {
        id: created.productCreate.product.id,
        v: variants.map((v) => ({ price: v.price, barcode: v.barcode, inventoryItem: { sku: v.sku }, optionValues: variants.length > 1 ? [{ optionName: 'Size', name: v.sku }] : undefined })),
      },
    );
    return Object.fromEntries(result.productVariantsBulkCreate.productVariants.map((v) => [v.sku, v.id]));
  }

  async order(input: Record<string, unknown>): Promise<{ id: string; name: string; lineItems: Array<{ id: string; sku: string | null }> }> {
    const result = await this.graphql<{ orderCreate: { order: { id: string; name: string; lineItems: { nodes: Array<{ id: string; sku: string | null }> } } | null; userErrors: Array<{ field: string[]; message: string }> } }>(
      'mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id name lineItems(first: 50) { nodes { id sku } } } userErrors { field message } } }',
      { o: input },
    );
    if (!result.orderCreate.order) throw new Error(`orderCreate refused: ${JSON.stringify(result.orderCreate.userErrors)}`);
    return { ...result.orderCreate.order, lineItems: result.orderCreate.order.lineItems.nodes };
  }

  /** A typical web order: a known customer by e-mail, the given lines, shipping, paid or not. */
  async webOrder(lines: Array<{ variantId: string; quantity: number }>, options: { email?: string; paid?: boolean; fulfilled?: boolean; extra?: Record<string, unknown> } = {}) {
    const email = options.email ?? `buyer-${randomBytes(3).toString('hex')}@example.com`;
    return this.order({
      lineItems: lines,
      customer: { toUpsert: { email, firstName: 'Ada', lastName: 'Buyer' } },
      email,
      shippingAddress: { firstName: 'Ada', lastName: 'Buyer', address1: '1 Main St', city: 'Lyon', zip: '69001', countryCode: 'FR' },
      billingAddress: { firstName: 'Ada', lastName: 'Buyer', address1: '1 Main St', city: 'Lyon', zip: '69001', countryCode: 'FR' },
      shippingLines: [{ title: 'Standard', code: 'STD', priceSet: { shopMoney: { amount: '5.00', currencyCode: 'EUR' } } }],
      financialStatus: options.paid === false ? 'PENDING' : 'PAID',
      ...(options.fulfilled ? { fulfillmentStatus: 'FULFILLED' } : {}),
      ...options.extra,
    });
  }

  /** A refund made in Shopify's admin (refundCreate with its idempotency key); returns its id and transactions. */
  async refund(input: Record<string, unknown>): Promise<{ id: string; transactions: Array<{ id: string; status: string; amount: string }> }> {
    const result = await this.graphql<{
      refundCreate: { refund: { id: string; transactions: { nodes: Array<{ id: string; status: string; amountSet: { shopMoney: { amount: string } } }> } } | null; userErrors: Array<{ field: string[] | null; message: string }> };
    }>(
      'mutation($i: RefundInput!, $k: String!) { refundCreate(input: $i) @idempotent(key: $k) { refund { id transactions(first: 10) { nodes { id status amountSet { shopMoney { amount } } } } } userErrors { field message } } }',
      { i: input, k: `merchant-refund-${randomBytes(8).toString('hex')}` },
    );
    const refund = result.refundCreate.refund;
    if (!refund) throw new Error(`refundCreate refused: ${JSON.stringify(result.refundCreate.userErrors)}`);
    return { id: refund.id, transactions: refund.transactions.nodes.map((t) => ({ id: t.id, status: t.status, amount: t.amountSet.shopMoney.amount })) };
  }
}
