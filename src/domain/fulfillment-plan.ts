/**
 * Which fulfillment order lines a posted shipment fulfils (reference 3.5): each shipment line's
 * quantity is spread over the open fulfillment order lines of the same order line, and one
 * fulfillment is made per Shopify location.
 */
export interface OpenFulfillmentOrder {
  id: string;
  status: string;
  locationId: string | null;
  lines: Array<{ id: string; lineItemId: string; remainingQuantity: number }>;
}

export interface ShipmentLineToSend {
  shopifyOrderLineId: string;
  quantity: number;
}

export interface PlannedFulfillment {
  locationId: string | null;
  groups: Array<{ fulfillmentOrderId: string; lines: Array<{ id: string; quantity: number; lineItemId: string }> }>;
}

export function planFulfillments(shipmentLines: ShipmentLineToSend[], fulfillmentOrders: OpenFulfillmentOrder[]): { plans: PlannedFulfillment[]; unmatched: string[] } {
  const remaining = new Map<string, number>();
  for (const fo of fulfillmentOrders) for (const line of fo.lines) remaining.set(line.id, line.remainingQuantity);
  const open = fulfillmentOrders.filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
  const byLocation = new Map<string, PlannedFulfillment>();
  const unmatched: string[] = [];
  for (const shipmentLine of shipmentLines) {
    let left = shipmentLine.quantity;
    for (const fo of open) {
      for (const line of fo.lines) {
        if (left === 0 || line.lineItemId !== shipmentLine.shopifyOrderLineId) continue;
        const take = Math.min(left, remaining.get(line.id) ?? 0);
        if (take === 0) continue;
        remaining.set(line.id, (remaining.get(line.id) ?? 0) - take);
        left -= take;
        const key = fo.locationId ?? '';
        const plan = byLocation.get(key) ?? { locationId: fo.locationId, groups: [] };
        byLocation.set(key, plan);
        let group = plan.groups.find((g) => g.fulfillmentOrderId === fo.id);
        if (!group) {
          group = { fulfillmentOrderId: fo.id, lines: [] };
          plan.groups.push(group);
        }
        group.lines.push({ id: line.id, quantity: take, lineItemId: line.lineItemId });
      }
    }
    if (left > 0) unmatched.push(`${left} of order line ${shipmentLine.shopifyOrderLineId}`);
  }
  return { plans: [...byLocation.values()], unmatched };
}

/** The order lines and quantities a planned fulfillment covers, to recognise it among the order's fulfillments. */
export function signatureOf(lines: Array<{ lineItemId: string; quantity: number }>): string {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.lineItemId, (totals.get(line.lineItemId) ?? 0) + line.quantity);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, q]) => `${id}×${q}`).join(',');
}
