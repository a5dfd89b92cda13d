/**
 * Which fulfillment order lines a posted shipment fulfils (reference 3.5): each shipment line's
 * quantity is spread over the open fulfillment order lines of the same order line, and one
 * fulfillment is made per Shopify location (fulfillmentCreate takes fulfillment orders of one location).
 */
export interface OpenFulfillmentOrder {
  id: string;
  /** FulfillmentOrderStatus: OPEN, IN_PROGRESS, ON_HOLD, SCHEDULED, INCOMPLETE, CLOSED, CANCELLED. */
  status: string;
  locationId: string | null;
  lines: Array<{ id: string; lineItemId: string; remainingQuantity: number }>;
  locationName?: string;
  /** Assigned to a location a fulfillment service manages: the service fulfils it, never we. */
  fulfillmentService?: boolean;
  holds?: Array<{ id: string; reason: string }>;
  fulfillAt?: string | null;
  /** FulfillmentOrderAction values Shopify allows now; absent when not read. */
  supportedActions?: string[];
}

export interface ShipmentLineToSend {
  shopifyOrderLineId: string;
  quantity: number;
}

export interface PlannedFulfillment {
  locationId: string | null;
  groups: Array<{ fulfillmentOrderId: string; lines: Array<{ id: string; quantity: number; lineItemId: string }> }>;
}

/** What one fulfillmentCreate of an attempt was to fulfil, kept to recognise it if its answer is lost. */
export interface PlannedLocation {
  locationId: string | null;
  lines: Array<{ lineItemId: string; quantity: number }>;
}

const canFulfil = (fo: OpenFulfillmentOrder): boolean => (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') && fo.fulfillmentService !== true;

function spread(shipmentLines: ShipmentLineToSend[], fulfillmentOrders: OpenFulfillmentOrder[]): { plans: PlannedFulfillment[]; short: ShipmentLineToSend[] } {
  const remaining = new Map<string, number>();
  for (const fo of fulfillmentOrders) for (const line of fo.lines) remaining.set(line.id, line.remainingQuantity);
  const byLocation = new Map<string, PlannedFulfillment>();
  const short: ShipmentLineToSend[] = [];
  for (const shipmentLine of shipmentLines) {
    let left = shipmentLine.quantity;
    for (const fo of fulfillmentOrders.filter(canFulfil)) {
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
    if (left > 0) short.push({ shopifyOrderLineId: shipmentLine.shopifyOrderLineId, quantity: left });
  }
  return { plans: [...byLocation.values()], short };
}

const describeShort = (short: ShipmentLineToSend[]): string[] => short.map((s) => `${s.quantity} of order line ${s.shopifyOrderLineId}`);

export function planFulfillments(shipmentLines: ShipmentLineToSend[], fulfillmentOrders: OpenFulfillmentOrder[]): { plans: PlannedFulfillment[]; unmatched: string[] } {
  const { plans, short } = spread(shipmentLines, fulfillmentOrders);
  return { plans, unmatched: describeShort(short) };
}

/** What a blocked fulfillment order needs before we may fulfil from it, if anything we can do. */
export interface Unblock {
  fulfillmentOrderId: string;
  action: 'releaseHold' | 'open';
  holdIds: string[];
}

interface Blocker {
  fo: OpenFulfillmentOrder;
  reason: string;
  unblock: Unblock | null;
}

function blockerOf(fo: OpenFulfillmentOrder): Blocker | null {
  const where = `fulfillment order ${fo.id}${fo.locationName ? ` at ${fo.locationName}` : ''}`;
  const allows = (action: string) => fo.supportedActions === undefined || fo.supportedActions.includes(action);
  if (fo.fulfillmentService === true && (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS')) {
    return { fo, reason: `${where} is assigned to a fulfillment service, which fulfils it itself`, unblock: null };
  }
  if (fo.status === 'ON_HOLD') {
    const holds = fo.holds ?? [];
    const reason = `${where} is on hold in Shopify${holds.length ? ` (${holds.map((h) => h.reason).join(', ')})` : ''}`;
    return { fo, reason, unblock: allows('RELEASE_HOLD') ? { fulfillmentOrderId: fo.id, action: 'releaseHold', holdIds: holds.map((h) => h.id) } : null };
  }
  if (fo.status === 'SCHEDULED') {
    const reason = `${where} is scheduled in Shopify${fo.fulfillAt ? ` for ${fo.fulfillAt}` : ''}`;
    return { fo, reason, unblock: allows('MARK_AS_OPEN') ? { fulfillmentOrderId: fo.id, action: 'open', holdIds: [] } : null };
  }
  if (fo.status === 'INCOMPLETE') return { fo, reason: `${where} is incomplete in Shopify`, unblock: null };
  return null;
}

/**
 * What to do with a shipment's lines: send them; wait (a fulfillment order they need is on hold,
 * scheduled, incomplete or the fulfillment service's: a later run may send them); unblock first
 * (with `releaseHolds`, when Shopify allows it for every blocker); or nothing left to fulfil at all.
 * A shipment waits whole rather than going out in part, so that it is never half sent while held.
 */
export type ShipmentDecision =
  | { kind: 'send'; plans: PlannedFulfillment[] }
  | { kind: 'wait'; reasons: string[] }
  | { kind: 'unblock'; unblocks: Unblock[] }
  | { kind: 'nothingLeft'; unmatched: string[] };

export function decideShipment(shipmentLines: ShipmentLineToSend[], fulfillmentOrders: OpenFulfillmentOrder[], releaseHolds: boolean): ShipmentDecision {
  const { plans, short } = spread(shipmentLines, fulfillmentOrders);
  if (short.length === 0) return plans.length ? { kind: 'send', plans } : { kind: 'nothingLeft', unmatched: [] };
  const blockers = new Map<string, Blocker>();
  const uncovered: ShipmentLineToSend[] = [];
  for (const line of short) {
    let left = line.quantity;
    for (const fo of fulfillmentOrders) {
      if (left === 0) break;
      const held = fo.lines.filter((l) => l.lineItemId === line.shopifyOrderLineId).reduce((sum, l) => sum + l.remainingQuantity, 0);
      const blocker = held > 0 ? blockerOf(fo) : null;
      if (!blocker) continue;
      blockers.set(fo.id, blocker);
      left -= Math.min(left, held);
    }
    if (left > 0) uncovered.push({ shopifyOrderLineId: line.shopifyOrderLineId, quantity: left });
  }
  if (uncovered.length > 0) return { kind: 'nothingLeft', unmatched: describeShort(uncovered) };
  const all = [...blockers.values()];
  if (releaseHolds && all.every((b) => b.unblock)) return { kind: 'unblock', unblocks: all.map((b) => b.unblock as Unblock) };
  const refused = (b: Blocker) => (releaseHolds && !b.unblock && (b.fo.status === 'ON_HOLD' || b.fo.status === 'SCHEDULED') ? ' (Shopify does not let the app release it)' : '');
  return { kind: 'wait', reasons: all.map((b) => `${b.reason}${refused(b)}`) };
}

/** The order lines and quantities a planned fulfillment covers, to recognise it among the order's fulfillments. */
export function signatureOf(lines: Array<{ lineItemId: string; quantity: number }>): string {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.lineItemId, (totals.get(line.lineItemId) ?? 0) + line.quantity);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, q]) => `${id}×${q}`).join(',');
}

export function plannedLocations(plans: PlannedFulfillment[]): PlannedLocation[] {
  return plans.map((p) => ({ locationId: p.locationId, lines: p.groups.flatMap((g) => g.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity }))) }));
}

export interface SeenFulfillment {
  id: string;
  status: string;
  createdAt: string;
  locationId: string | null;
  lines: Array<{ lineItemId: string; quantity: number }>;
}

export interface Recognition {
  /** Fulfillments of this shipment: recorded ones still standing, and those recognised as the lost answers of the attempt. */
  fulfillmentIds: string[];
  adoptedIds: string[];
  /** What of the shipment is still to fulfil. */
  left: ShipmentLineToSend[];
}

/**
 * What a shipment has already fulfilled. Recorded fulfillments count; and when an attempt was under way
 * (its answers may have been lost), each fulfillment made since it began at a location it planned is
 * ours if every line of it fits what is still unclaimed of that location's plan: fulfillmentCreate
 * makes all of a fulfillment or none, so a lost one shows as exactly such a fulfillment, and the
 * caps mean the attempt never claims more than it sent out. A fulfillment without a location is
 * matched against any planned location. What is left is the shipment minus all of these, per order line.
 */
export function recogniseFulfillments(input: {
  shipmentLines: ShipmentLineToSend[];
  recordedIds: string[];
  attempt: { startedAt: string; plans: PlannedLocation[] } | null;
  fulfillments: SeenFulfillment[];
  slackMs: number;
}): Recognition {
  const standing = input.fulfillments.filter((f) => f.status === 'SUCCESS');
  const recorded = standing.filter((f) => input.recordedIds.includes(f.id));
  const adopted: SeenFulfillment[] = [];
  if (input.attempt) {
    const since = Date.parse(input.attempt.startedAt) - input.slackMs;
    const caps = new Map<string, Map<string, number>>();
    for (const plan of input.attempt.plans) {
      const cap = caps.get(plan.locationId ?? '') ?? new Map<string, number>();
      caps.set(plan.locationId ?? '', cap);
      for (const line of plan.lines) cap.set(line.lineItemId, (cap.get(line.lineItemId) ?? 0) + line.quantity);
    }
    const candidates = standing
      .filter((f) => !input.recordedIds.includes(f.id) && Date.parse(f.createdAt) >= since)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const f of candidates) {
      const cap = [...caps.entries()].find(([location, c]) => (f.locationId === null || location === '' || location === f.locationId) && fits(f.lines, c))?.[1];
      if (!cap) continue;
      for (const line of f.lines) cap.set(line.lineItemId, (cap.get(line.lineItemId) ?? 0) - line.quantity);
      adopted.push(f);
    }
  }
  const done = new Map<string, number>();
  for (const f of [...recorded, ...adopted]) for (const line of f.lines) done.set(line.lineItemId, (done.get(line.lineItemId) ?? 0) + line.quantity);
  const left: ShipmentLineToSend[] = [];
  for (const line of input.shipmentLines) {
    const covered = Math.min(line.quantity, done.get(line.shopifyOrderLineId) ?? 0);
    done.set(line.shopifyOrderLineId, (done.get(line.shopifyOrderLineId) ?? 0) - covered);
    if (line.quantity > covered) left.push({ shopifyOrderLineId: line.shopifyOrderLineId, quantity: line.quantity - covered });
  }
  return { fulfillmentIds: [...recorded, ...adopted].map((f) => f.id), adoptedIds: adopted.map((f) => f.id), left };
}

function fits(lines: SeenFulfillment['lines'], cap: Map<string, number>): boolean {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.lineItemId, (wanted.get(line.lineItemId) ?? 0) + line.quantity);
  return wanted.size > 0 && [...wanted.entries()].every(([id, quantity]) => (cap.get(id) ?? 0) >= quantity);
}
