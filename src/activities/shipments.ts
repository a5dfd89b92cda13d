import { planFulfillments, signatureOf } from '../domain/fulfillment-plan';
import type { PostedShipment, ShipmentFilters } from '../erp/posted-documents';
import { FULFILLMENT_CREATE, ORDER_FULFILLMENT_STATE_QUERY } from '../shopify/documents/fulfillments';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface ShipmentCounts {
  sent: number;
  failed: number;
  nothingToSend: number;
  waiting: number;
}

/** How far back a retry looks for a fulfillment it may already have made (clock skew between us and Shopify). */
const ADOPTION_SLACK_MS = 5 * 60_000;

function trackingUrl(shipment: PostedShipment): string | undefined {
  const template = shipment.shippingAgent?.trackingUrl;
  if (!template || !shipment.trackingNo) return undefined;
  return template.includes('%1') ? template.replace('%1', encodeURIComponent(shipment.trackingNo)) : template;
}

export function createShipmentActivities({ erp, shopify }: ActivityDeps) {
  /**
   * Sends one posted shipment as fulfillments, one per Shopify location. Before sending, the attempt
   * is written down; a retry (the answer was lost, the worker died) first looks for fulfillments made
   * since then with exactly the planned lines, and adopts them instead of fulfilling twice.
   */
  async function sendShipment(shop: string, shipment: PostedShipment, notifyCustomer: boolean): Promise<keyof ShipmentCounts> {
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
    const client = shopify.forShop(shop);
    const { data } = await client.request(ORDER_FULFILLMENT_STATE_QUERY, { id: shipment.shopifyOrderId });
    if (!data.order) {
      await erp.posted.setFulfillment(shipment._id, 'error', { error: `order ${shipment.shopifyOrderName} no longer exists in Shopify` });
      return 'failed';
    }
    const fulfillmentOrders = data.order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      locationId: fo.assignedLocation.location?.id ?? null,
      lines: fo.lineItems.nodes.map((l) => ({ id: l.id, lineItemId: l.lineItem.id, remainingQuantity: l.remainingQuantity })),
    }));
    if (shipment.fulfillment.attemptStartedAt) {
      const since = Date.parse(shipment.fulfillment.attemptStartedAt) - ADOPTION_SLACK_MS;
      const recent = data.order.fulfillments.filter((f) => f.status === 'SUCCESS' && Date.parse(f.createdAt) >= since);
      const wanted = lines.map((l) => ({ lineItemId: l.shopifyOrderLineId as string, quantity: l.quantity }));
      const match = recent.find((f) => signatureOf(f.fulfillmentLineItems.nodes.map((n) => ({ lineItemId: n.lineItem.id, quantity: n.quantity ?? 0 }))) === signatureOf(wanted));
      if (match) {
        await erp.posted.setFulfillment(shipment._id, 'sent', { fulfillmentIds: [match.id] });
        return 'sent';
      }
    }
    // Planned from what is still open, so a part fulfilled by an earlier attempt is not sent again.
    const { plans: toSend, unmatched } = planFulfillments(lines.map((l) => ({ shopifyOrderLineId: l.shopifyOrderLineId as string, quantity: l.quantity })), fulfillmentOrders);
    if (unmatched.length > 0 || toSend.length === 0) {
      const message = `nothing left to fulfil in Shopify for ${unmatched.join(', ') || 'these lines'} (already fulfilled, cancelled or refunded there?)`;
      await erp.posted.setFulfillment(shipment._id, 'error', { error: message });
      await erp.skipped.record(shop, 'salesShipment', shipment._id, message);
      return 'failed';
    }
    await erp.posted.markAttempt(shipment._id, new Date().toISOString());
    const url = trackingUrl(shipment);
    const created: string[] = [];
    for (const plan of toSend) {
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
        const shipment = await erp.posted.shipment(no);
        if (!shipment || shipment.fulfillment.state !== 'unprocessed') continue;
        counts[await sendShipment(input.shop, shipment, settings.sendShippingConfirmation)] += 1;
      }
      return counts;
    },
  });
}

export type ShipmentActivities = ReturnType<typeof createShipmentActivities>;
