import { Context } from '@temporalio/activity';
import type { CustomerDocument } from '../erp/customers';
import type { Erp } from '../erp/db';
import { pagesOf } from './pages-of';
import { checkpoint } from './run-guard';

/** What an export step of linked records counts (customers and companies alike). */
export interface LinkedExportCounts {
  linked: number;
  sent: number;
  unchanged: number;
  skipped: number;
  failed: number;
  requests: number;
}

/**
 * One step of sending linked records whose ERP customer changed: the shop's links read with one
 * cursor from after `afterKey`, their ERP customers by number 100 at a time, each record handed to
 * `exportOne`, until done or out of time. A retry resumes after the last record reported.
 */
export async function exportLinkedStep<L extends { _id: string; erpCustomerNo: string | null }>(
  erp: Erp,
  step: { afterKey: string | null; maxMillis: number },
  links: (afterKey: string | null) => AsyncIterable<L>,
  exportOne: (link: L, customer: CustomerDocument | undefined, counts: LinkedExportCounts) => Promise<void>,
): Promise<LinkedExportCounts & { afterKey: string | null; done: boolean }> {
  const started = Date.now();
  const resumed = (Context.current().info.heartbeatDetails as { afterKey?: string | null } | undefined)?.afterKey;
  const result = { linked: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0, afterKey: resumed !== undefined ? resumed : step.afterKey, done: true };
  for await (const batch of pagesOf(links(result.afterKey), 100)) {
    const customers = await erp.customers.byNos(batch.map((link) => link.erpCustomerNo as string));
    for (const link of batch) {
      await checkpoint({ afterKey: result.afterKey });
      await exportOne(link, customers.get(link.erpCustomerNo as string), result);
      result.linked += 1;
      result.afterKey = link._id;
    }
    if (Date.now() - started >= step.maxMillis) {
      result.done = false;
      break;
    }
  }
  return result;
}
