import { setTimeout as sleep } from 'node:timers/promises';
import { decideShipment, plannedLocations, recogniseFulfillments, type PlannedFulfillment, type Unblock } from '../domain/fulfillment-plan';
import type { PostedShipment, ShipmentFilters } from '../erp/posted-documents';
import { SHIPMENT_STATES_TO_SEND } from '../erp/posted-documents';
import type { ShopifyAdminClient } from '../shopify/client';
import { ShopifyUnavailableError } from '../shopify/errors';
import { FULFILLMENT_CREATE, FULFILLMENT_ORDER_OPEN, FULFILLMENT_ORDER_RELEASE_HOLD } from '../shopify/documents/fulfillments';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { readFulfillmentOrders, readFulfillments, TooManyFulfillmentsError } from './fulfillment-reading';
import { checkpoint } from './run-guard';

export interface ShipmentCounts {
  sent: number;
  failed: number;
  nothingToSend: number;
  waiting: number;
}

/** Tries per shipment inside one activity attempt when Shopify is unavailable for it (see sendWithRetries). */
const SHIPMENT_ATTEMPTS = 3;

/** How far back a retry looks for a fulfillment it may already have made (clock skew between us and Shopify). */
const ADOPTION_SLACK_MS = 5 * 60_000;

function trackingUrl(shipment: PostedShipment): string | undefined {
  const template = shipment.shippingAgent?.trackingUrl;
  if (!template || !shipment.trackingNo) return undefined;
  return template.includes('%1') ? template.replace('%1', encodeURIComponent(shipment.trackingNo)) : template;
}

/** Releases holds and opens scheduled fulfillment orders; Shopify's refusal comes back as the reason to wait. */
async function unblock(client: ShopifyAdminClient, unblocks: Unblock[]): Promise<string | null> {
  for (const u of unblocks) {
    const errors = u.action === 'releaseHold'
      ? (await client.request(FULFILLMENT_ORDER_RELEASE_HOLD, { id: u.fulfillmentOrderId, holdIds: u.holdIds })).data.fulfillmentOrderReleaseHold?.userErrors
      : (await client.request(FULFILLMENT_ORDER_OPEN, { id: u.fulfillmentOrderId })).data.fulfillmentOrderOpen?.userErrors;
    if (errors?.length) return `Shopify refused to ${u.action === 'releaseHold' ? 'release the hold on' : 'open'} fulfillment order ${u.fulfillmentOrderId}: ${errors.map((e) => e.message).join('; ')}`;
  }
  return null;
}

export function createShipmentActivities({ erp, shopify }: ActivityDeps) {
  /**
   * Sends one posted shipment as fulfillments, one per Shopify location. Before sending, the attempt
   * (its start and what each call fulfils, per location) is written down; a retry (an answer was lost,
   * the worker died) first recognises the fulfillments that attempt made, and sends only the rest.
   */
  async function sendShipment(shop: string, shipment: PostedShipment, settings: { notifyCustomer: boolean; releaseHolds: boolean }): Promise<keyof ShipmentCounts> {
    const lines = shipment.lines.filter((line) => line.shopifyOrderLineId && line.quantity > 0);
    if (lines.length === 0) {
      await erp.posted.setFulfillment(shipment._id, 'nothingToSend', {});
      await erp.skipped.record(shop, 'salesShipment', shipment._id, 'no item line of a Shopify order line to fulfil');
      return 'nothingToSend';
    }
    if (!shipment.shopifyOrderId || !(await erp.orders.get(shop, shipment.shopifyOrderId))) {
      await erp.skipped.record(shop, 'salesShipment', shipment._id, `Shopify order ${shipment.shopifyOrderName ?? shipment.shopifyOrderId} is not imported yet`);
      return 'waiting';
    }
    const orderId = shipment.shopifyOrderId;
    const client = shopify.forShop(shop);
    const recordedIds = shipment.fulfillment.fulfillmentIds ?? [];
    const attempt = shipment.fulfillment.attemptStartedAt ? { startedAt: shipment.fulfillment.attemptStartedAt, plans: shipment.fulfillment.attemptPlans ?? [] } : null;
    const since = attempt ? Date.parse(attempt.startedAt) - ADOPTION_SLACK_MS : Infinity;
    let fulfillments;
    try {
      fulfillments = await readFulfillments(client, orderId, (f) => f.status === 'SUCCESS' && (recordedIds.includes(f.id) || Date.parse(f.createdAt) >= since));
    } catch (error) {
      if (!(error instanceof TooManyFulfillmentsError)) throw error;
      await erp.posted.setFulfillment(shipment._id, 'error', { fulfillmentIds: recordedIds, error: error.message });
      return 'failed';
    }
    const shipmentLines = lines.map((l) => ({ shopifyOrderLineId: l.shopifyOrderLineId as string, quantity: l.quantity }));
    const known = recogniseFulfillments({ shipmentLines, recordedIds, attempt, fulfillments, slackMs: ADOPTION_SLACK_MS });
    if (known.left.length === 0) {
      await erp.posted.setFulfillment(shipment._id, 'sent', { fulfillmentIds: known.fulfillmentIds });
      return 'sent';
    }
    let fulfillmentOrders = await readFulfillmentOrders(client, orderId);
    if (!fulfillmentOrders) {
      await erp.posted.setFulfillment(shipment._id, 'error', { fulfillmentIds: known.fulfillmentIds, error: `order ${shipment.shopifyOrderName} no longer exists in Shopify` });
      return 'failed';
    }
    // Planned from what is still open, so a part fulfilled by an earlier attempt is not sent again.
    let decision = decideShipment(known.left, fulfillmentOrders, settings.releaseHolds);
    if (decision.kind === 'unblock') {
      const refused = await unblock(client, decision.unblocks);
      if (refused) {
        await erp.posted.setFulfillment(shipment._id, 'waiting', { fulfillmentIds: known.fulfillmentIds, waitingFor: refused });
        return 'waiting';
      }
      fulfillmentOrders = (await readFulfillmentOrders(client, orderId)) ?? [];
      decision = decideShipment(known.left, fulfillmentOrders, false);
    }
    if (decision.kind === 'wait' || decision.kind === 'unblock') {
      const waitingFor = decision.kind === 'wait' ? decision.reasons.join('; ') : 'fulfillment orders still blocked after releasing them';
      await erp.posted.setFulfillment(shipment._id, 'waiting', { fulfillmentIds: known.fulfillmentIds, waitingFor });
      await erp.skipped.record(shop, 'salesShipment', shipment._id, `waiting: ${waitingFor}`);
      return 'waiting';
    }
    if (decision.kind === 'nothingLeft') {
      const message = `nothing left to fulfil in Shopify for ${decision.unmatched.join(', ') || 'these lines'} (already fulfilled, cancelled or refunded there?)`;
      await erp.posted.setFulfillment(shipment._id, 'error', { fulfillmentIds: known.fulfillmentIds, error: message });
      await erp.skipped.record(shop, 'salesShipment', shipment._id, message);
      return 'failed';
    }
    await erp.posted.markAttempt(shipment, new Date().toISOString(), plannedLocations(decision.plans));
    return create(shipment, decision.plans, known.fulfillmentIds, settings.notifyCustomer, client);
  }

  /** One fulfillmentCreate per location; a lost answer throws, and the activity's retry recognises what went through. */
  async function create(shipment: PostedShipment, plans: PlannedFulfillment[], knownIds: string[], notifyCustomer: boolean, client: ShopifyAdminClient): Promise<keyof ShipmentCounts> {
    const url = trackingUrl(shipment);
    const created = [...knownIds];
    for (const plan of plans) {
      const { data: result } = await client.request(FULFILLMENT_CREATE, {
        fulfillment: {
          notifyCustomer,
          ...(shipment.trackingNo || shipment.shippingAgent
            ? { trackingInfo: { company: shipment.shippingAgent?.name, number: shipment.trackingNo ?? undefined, url } }
            : {}),
          lineItemsByFulfillmentOrder: plan.groups.map((g) => ({
            fulfillmentOrderId: g.fulfillmentOrderId,
            fulfillmentOrderLineItems: g.lines.map((l) => ({ id: l.id, quantity: l.quantity })),
          })),
        },
      });
      const fulfillment = result.fulfillmentCreate?.fulfillment;
      if (!fulfillment) {
        const message = result.fulfillmentCreate?.userErrors.map((e) => e.message).join('; ') || 'Shopify returned no fulfillment';
        await erp.posted.setFulfillment(shipment._id, 'error', { fulfillmentIds: created, error: message });
        return 'failed';
      }
      created.push(fulfillment.id);
    }
    await erp.posted.setFulfillment(shipment._id, 'sent', { fulfillmentIds: created });
    return 'sent';
  }

  /**
   * Sends one shipment; when Shopify is unavailable for it (a 5xx or a dropped connection during a
   * mutation), reads the shipment again and tries again here, as the activity's own retry would.
   * Failing the batch instead made each of its retries redo the batch after a longer backoff: with
   * one request in ten failing, hardly a batch of 25 got through in one attempt.
   */
  async function sendWithRetries(shop: string, no: string, settings: { notifyCustomer: boolean; releaseHolds: boolean }, counts: ShipmentCounts): Promise<keyof ShipmentCounts | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const shipment = await erp.posted.shipment(no);
      if (!shipment || !SHIPMENT_STATES_TO_SEND.includes(shipment.fulfillment.state)) return undefined;
      try {
        return await sendShipment(shop, shipment, settings);
      } catch (error) {
        if (!(error instanceof ShopifyUnavailableError) || attempt >= SHIPMENT_ATTEMPTS) throw error;
        await sleep(attempt * 1000);
        await checkpoint(counts);
      }
    }
  }

  return withFailureTypes({
    async listShipmentsToSend(input: { shop: string; filters: ShipmentFilters; afterNo: string | null; limit: number }): Promise<string[]> {
      return (await erp.posted.shipmentsToSend(input.shop, input.filters, input.afterNo, input.limit)).map((s) => s._id);
    },

    async sendShipments(input: { shop: string; shipmentNos: string[] }): Promise<ShipmentCounts> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const counts: ShipmentCounts = { sent: 0, failed: 0, nothingToSend: 0, waiting: 0 };
      for (const no of input.shipmentNos) {
        await checkpoint(counts);
        if (!settings.allowOutgoingRequests) {
          // Not sent, and not silently: the reason shows under skipped records until the setting changes.
          await erp.skipped.record(input.shop, 'salesShipment', no, 'not sent: the shop has allowOutgoingRequests off');
          counts.waiting += 1;
          continue;
        }
        const outcome = await sendWithRetries(input.shop, no, { notifyCustomer: settings.sendShippingConfirmation, releaseHolds: settings.releaseFulfillmentHolds }, counts);
        if (outcome) counts[outcome] += 1;
      }
      return counts;
    },
  });
}

export type ShipmentActivities = ReturnType<typeof createShipmentActivities>;
