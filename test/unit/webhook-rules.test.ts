import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSubscriptions, WEBHOOK_TOPICS } from '../../src/domain/webhook-plan';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { restTopicOf } from '../../src/service/webhook-receiver';

const URL = 'https://sync.example.com/webhooks';

describe('webhook subscription plan', () => {
  it('creates every topic for a shop with no subscription, and plans nothing when applied to its result', () => {
    const plan = planSubscriptions([], URL);
    assert.deepEqual(plan.create, [...WEBHOOK_TOPICS]);
    const applied = plan.create.map((topic, index) => ({ id: `s${index}`, topic, uri: URL }));
    assert.deepEqual(planSubscriptions(applied, URL), { create: [], update: [], delete: [], unchanged: WEBHOOK_TOPICS.length });
  });

  it('moves a topic subscribed elsewhere, deletes a second one of a topic and topics no longer wanted', () => {
    const existing = [
      { id: 'a', topic: 'ORDERS_CREATE', uri: 'https://old.example.com/hooks' },
      { id: 'b', topic: 'ORDERS_UPDATED', uri: URL },
      { id: 'c', topic: 'ORDERS_UPDATED', uri: 'https://old.example.com/hooks' },
      { id: 'd', topic: 'PRODUCTS_UPDATE', uri: URL },
    ];
    const plan = planSubscriptions(existing, URL, ['ORDERS_CREATE', 'ORDERS_UPDATED']);
    assert.deepEqual(plan, { create: [], update: [{ id: 'a', topic: 'ORDERS_CREATE' }], delete: [{ id: 'c', topic: 'ORDERS_UPDATED' }, { id: 'd', topic: 'PRODUCTS_UPDATE' }], unchanged: 1 });
  });
});

describe('webhook deliveries', () => {
  it('names a topic as Shopify\'s header does, from the library\'s enum form', () => {
    assert.equal(restTopicOf('ORDERS_CREATE'), 'orders/create');
    assert.equal(restTopicOf('BULK_OPERATIONS_FINISH'), 'bulk_operations/finish');
    assert.equal(restTopicOf('APP_UNINSTALLED'), 'app/uninstalled');
    assert.equal(restTopicOf('refunds/create'), 'refunds/create');
  });

  it('reads a shop\'s webhook secret from its variable, else from the secrets file beside its token', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(file, JSON.stringify({ 'a.myshopify.com': { token: 'shpat_a', webhookSecret: 'shpss_a' }, 'b.myshopify.com': 'shpat_b' }));
    const source = new EnvAndFileTokenSource(file, { SHOPSYNC_WEBHOOK_SECRET_C_MYSHOPIFY_COM: 'shpss_c' });
    assert.equal(source.tokenFor('a.myshopify.com'), 'shpat_a');
    assert.equal(source.webhookSecretFor('a.myshopify.com'), 'shpss_a');
    assert.equal(source.tokenFor('b.myshopify.com'), 'shpat_b');
    assert.equal(source.webhookSecretFor('b.myshopify.com'), undefined);
    assert.equal(source.webhookSecretFor('c.myshopify.com'), 'shpss_c');
  });
});
