import assert from 'node:assert/strict';
import { InvalidShopSettingsError, parseShopSettings } from '../../src/domain/shop-settings';

function problems(input: unknown): string[] {
  try {
    parseShopSettings(input);
  } catch (error) {
    assert.ok(error instanceof InvalidShopSettingsError);
    return error.problems.map((p) => `${p.field}: ${p.message}`);
  }
  assert.fail('settings were accepted');
}

describe('shop settings', () => {
  it("fills in the connector's defaults", () => {
    const settings = parseShopSettings({ domain: 'my-store.myshopify.com' });
    assert.equal(settings.allowBackgroundSyncs, true);
    assert.equal(settings.customerImportFromShopify, 'withOrderImport');
    assert.equal(settings.customerMappingType, 'byEmailPhone');
    assert.equal(settings.autoCreateOrders, false);
    assert.equal(settings.autoReleaseSalesOrders, true);
    assert.equal(settings.createInvoicesFromOrders, true);
    assert.equal(settings.skuFieldSeparator, '|');
    assert.equal(settings.variantPrefix, 'V_');
    assert.equal(settings.defaultInventoryPolicy, 'CONTINUE');
    assert.equal(settings.returnAndRefundProcess, 'importOnly');
  });

  it('names every bad field, unknown ones included', () => {
    const found = problems({ domain: 'My Store', loggingMode: 'verbose', skuMapping: 'barcode', color: 'blue' });
    assert.equal(found.length, 4);
    assert.ok(found.some((p) => p.startsWith('domain: must be a shop domain')));
    assert.ok(found.some((p) => p.startsWith('loggingMode:')));
    assert.ok(found.some((p) => p.startsWith('skuMapping:')));
    assert.ok(found.includes('color: is not a shop setting'));
  });

  it('rejects both directions of update at once', () => {
    const found = problems({ domain: 'a.myshopify.com', canUpdateShopifyCustomers: true, shopifyCanUpdateCustomers: true });
    assert.deepEqual(found, ['shopifyCanUpdateCustomers: cannot be on together with canUpdateShopifyCustomers: only one side may update the other']);
  });

  it('requires what a choice depends on', () => {
    assert.deepEqual(problems({ domain: 'a.myshopify.com', customerMappingType: 'defaultCustomer' }), [
      'defaultCustomerNo: is required when customerMappingType is defaultCustomer',
    ]);
    assert.deepEqual(problems({ domain: 'a.myshopify.com', returnAndRefundProcess: 'autoCreateCreditMemo' }), [
      'returnAndRefundProcess: autoCreateCreditMemo needs autoCreateOrders on',
    ]);
  });
});
