import assert from 'node:assert/strict';
import type { z } from 'zod';
import { amountCents, currencyDecimals } from '../../emulator/currency';
import type { OrderLine, ShopifyOrder } from '../../src/domain/order';
import { OrderImportOptions } from '../../src/domain/order-filters';
import { buildSalesDocument, documentNumberFromOrderName, DocumentBuildError } from '../../src/domain/sales-document';
import { parseShopSettings } from '../../src/domain/shop-settings';
import { TASKS } from '../../src/domain/tasks';
import { describeInputIssues } from '../../src/domain/task-input';
import { clip } from '../../src/domain/text';
import { isTipLine } from '../../src/shopify/order-mapper';

const amount = (shop: string) => ({ shop, presentment: shop });

function line(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    shopifyId: 'gid://shopify/LineItem/1', productId: null, variantId: 'gid://shopify/ProductVariant/1', sku: 'MUG', barcode: null, title: 'Mug',
    quantity: 1, currentQuantity: 1, unitPrice: amount('8.00'), totalDiscount: amount('0.00'), isGiftCard: false, isTip: false, requiresShipping: true,
    ...overrides,
  };
}

function order(lines: OrderLine[]): ShopifyOrder {
  return {
    shopifyId: 'gid://shopify/Order/1', name: '#1001', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z', closed: false, cancelledAt: null, test: false,
    email: 'a@example.com', phone: null, currencyCode: 'EUR', presentmentCurrencyCode: 'EUR', taxesIncluded: false, financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED',
    channel: 'web', sourceName: 'web', tags: [], note: null, poNumber: null, customAttributes: [], customer: null, billingAddress: null, shippingAddress: null,
    subtotal: amount('0.00'), shipping: amount('0.00'), totalDiscounts: amount('0.00'), cartDiscount: amount('0.00'), totalTax: amount('0.00'), total: amount('0.00'),
    riskRecommendation: null, lines, shippingLines: [], transactions: [],
  };
}

/** The one line a refused input gives. */
const refusal = (result: { success: boolean; error?: z.ZodError }): string => (result.success ? 'accepted' : describeInputIssues(result.error as z.ZodError));

const settings = parseShopSettings({ domain: 'a.myshopify.com', tipAccount: '7900' });
const items = new Map([['gid://shopify/LineItem/1', { itemNo: 'MUG', variantCode: null }]]);

describe('bad input rules', () => {
  it('cuts text to a length between characters: never through an emoji, a flag or a family', () => {
    assert.equal(clip('short', 100), 'short');
    assert.equal(clip(`${'x'.repeat(99)}🎉`, 100), 'x'.repeat(99));
    assert.equal(clip(`${'x'.repeat(97)}🇫🇷`, 100), 'x'.repeat(97));
    assert.equal(clip(`${'x'.repeat(90)}👨‍👩‍👧‍👦`, 100), 'x'.repeat(90));
    assert.equal(clip('é'.normalize('NFD').repeat(3), 5), 'é'.normalize('NFD').repeat(2));
    assert.equal(documentNumberFromOrderName(`${'y'.repeat(19)}🧾`), 'y'.repeat(19));
  });

  it('tells a tip by its name and the lack of a product, as the connector does', () => {
    assert.equal(isTipLine({ title: 'Tip', variant: null }), true);
    assert.equal(isTipLine({ title: 'Tip', variant: { id: 'gid://shopify/ProductVariant/1', barcode: null } }), false);
    assert.equal(isTipLine({ title: 'Tip jar', variant: null }), false);
  });

  it('puts a tip on tipAccount, and refuses an amount JavaScript cannot compute to the cent', () => {
    const tip = buildSalesDocument(order([line({ shopifyId: 'gid://shopify/LineItem/2', variantId: null, title: 'Tip', sku: null, isTip: true, requiresShipping: false, unitPrice: amount('3.00') })]), 'C1', items, settings);
    assert.deepEqual(tip.lines.map((l) => [l.type, l.no, l.unitPrice]), [['glAccount', '7900', '3.00']]);
    const huge = line({ quantity: 2 ** 31 - 1, currentQuantity: 2 ** 31 - 1, unitPrice: amount('99999999.99'), title: 'Gold bar' });
    assert.throws(() => buildSalesDocument(order([huge]), 'C1', items, settings), (error: Error) => error instanceof DocumentBuildError && /line "Gold bar": 2147483647 × 99999999\.99 is too large an amount/.test(error.message));
  });

  it('says "no line left" only when nothing else explains the empty document', () => {
    const giftCard = line({ isGiftCard: true, title: 'Gift card' });
    assert.throws(() => buildSalesDocument(order([giftCard]), 'C1', items, settings), /^Error: line "Gift card" is a gift card, but the shop has no soldGiftCardAccount$/);
    assert.throws(() => buildSalesDocument(order([line({ currentQuantity: 0 })]), 'C1', items, settings), /order #1001 has no line left to invoice/);
  });

  it('rounds amounts given to the emulator half up to the currency\'s minor units, as Shopify\'s money library', () => {
    assert.deepEqual([currencyDecimals('EUR'), currencyDecimals('JPY'), currencyDecimals('KWD')], [2, 0, 3]);
    assert.equal(amountCents('1.005', 'EUR'), 101);
    assert.equal(amountCents('9.999', 'EUR'), 1000);
    assert.equal(amountCents('1.0049', 'EUR'), 100);
    assert.equal(amountCents('1000.5', 'JPY'), 100100);
    assert.equal(amountCents('-2.675', 'EUR'), -268);
    assert.equal(amountCents(12, 'EUR'), 1200);
  });

  it('refuses date ranges that end before they start and dates that are no dates', () => {
    assert.match(refusal(OrderImportOptions.safeParse({ since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' })), /until: must not be before since/);
    assert.match(refusal(TASKS.shipments.filters.safeParse({ postingDateFrom: '2026-02-30', postingDateTo: '2026-01-01' })), /postingDateFrom: must be a date such as 2026-11-30/);
    assert.equal(TASKS.shipments.filters.safeParse({ postingDateFrom: '2028-02-29', postingDateTo: '2028-02-29' }).success, true);
  });

  it('names what is wrong with a key or a missing part in the field\'s words', () => {
    assert.throws(() => parseShopSettings({ domain: 'a.myshopify.com', customerTemplatesByCountry: { fr: 'X' } }), /customerTemplatesByCountry\.fr: must be a two-letter country code such as FR/);
    assert.throws(() => parseShopSettings({ domain: 'a.myshopify.com', runTimeouts: { order: '1h' } }), /runTimeouts\.order: is not a task \(tasks: refreshShopInfo, orders/);
    assert.equal(refusal(TASKS.addItems.input.safeParse({ shop: 'a.myshopify.com' })), 'filters: is required');
  });
});
