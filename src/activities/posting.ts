import type { SalesDocumentType } from '../domain/sales-document';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface PostingCounts {
  posted: number;
  shipments: number;
  invoices: number;
  creditMemos?: number;
}

/** Batch posting of released documents that came from Shopify (the ERP's reports 296, 297 and 298). */
export function createPostingActivities({ erp }: ActivityDeps) {
  return withFailureTypes({
    async listReleasedDocuments(input: { shop: string; type: SalesDocumentType; limit: number }): Promise<string[]> {
      return (await erp.salesDocuments.releasedFromShopify(input.shop, input.type, input.limit)).map((doc) => doc._id);
    },

    /** Posts each document: a sales order is shipped and invoiced, a sales invoice invoiced, a credit memo credited. Idempotent. */
    async postDocuments(input: { shop: string; documentNos: string[]; postingDate: string }): Promise<PostingCounts> {
      const counts: PostingCounts = { posted: 0, shipments: 0, invoices: 0 };
      for (const no of input.documentNos) {
        await checkpoint(counts);
        const document = await erp.salesDocuments.get(no);
        if (!document || document.status === 'posted' || document.shop !== input.shop) continue;
        const posted = await erp.posted.post(document, input.postingDate);
        await erp.salesDocuments.markPosted(no, posted.shipmentNo, posted.invoiceNo);
        counts.posted += 1;
        if (document.type === 'creditMemo' || document.type === 'returnOrder') {
          counts.creditMemos = (counts.creditMemos ?? 0) + 1;
          continue;
        }
        counts.invoices += 1;
        if (posted.shipmentNo) counts.shipments += 1;
      }
      return counts;
    },
  });
}

export type PostingActivities = ReturnType<typeof createPostingActivities>;
