import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { PostingActivities, PostingCounts } from '../activities/posting';
import type { SalesDocumentType } from '../domain/sales-document';
import { TASKS } from '../domain/tasks';
import type { TaskKey } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { inBatches, LIST_AHEAD } from './batches';
import { runTask } from './run-task';

const { listReleasedDocuments } = proxyActivities<PostingActivities>(SHORT_ACTIVITY);
const { postDocuments } = proxyActivities<PostingActivities>(BATCH_ACTIVITY);

interface PostingState {
  postingDate: string;
  totals: PostingCounts;
}

async function postAll(task: TaskKey & ('postSalesDocuments' | 'postSalesInvoices' | 'postCreditMemos'), types: SalesDocumentType[], input: unknown): Promise<PostingCounts> {
  return runTask<(typeof TASKS)[typeof task]['input'], PostingCounts, PostingState>(task, TASKS[task].input, input, async (run) => {
    const { shop, options = {} } = run.input;
    const state = run.resumed ?? {
      postingDate: options.postingDate ?? workflowInfo().startTime.toISOString().slice(0, 10),
      totals: { posted: 0, shipments: 0, invoices: 0 },
    };
    const { totals } = state;
    for (const type of types) {
      for (;;) {
        if (run.shouldContinueAsNew()) return run.continueAsNew(state);
        const listed = await listReleasedDocuments({ shop, type, limit: LIST_AHEAD });
        if (listed.length === 0) break;
        let posted = 0;
        for (const nos of inBatches(listed)) {
          const counts = await postDocuments({ shop, documentNos: nos, postingDate: state.postingDate });
          posted += counts.posted;
          totals.posted += counts.posted;
          totals.shipments += counts.shipments;
          totals.invoices += counts.invoices;
          if (counts.creditMemos) totals.creditMemos = (totals.creditMemos ?? 0) + counts.creditMemos;
          run.report({ counters: { ...totals } });
        }
        // What stays released after a whole listing could not be posted (its errors are on it): listing again would find the same.
        if (posted === 0) break;
      }
    }
    return { result: totals, recordErrors: 0 };
  });
}

/** Batch posting of released sales orders from Shopify (ERP report 296): ships and invoices them. */
export async function postSalesDocuments(input: unknown): Promise<PostingCounts> {
  return postAll('postSalesDocuments', ['order'], input);
}

/** Batch posting of released sales invoices from Shopify (ERP report 297). */
export async function postSalesInvoices(input: unknown): Promise<PostingCounts> {
  return postAll('postSalesInvoices', ['invoice'], input);
}

/** Batch posting of released credit memos and return orders made for Shopify refunds (ERP report 298). */
export async function postCreditMemos(input: unknown): Promise<PostingCounts> {
  return postAll('postCreditMemos', ['creditMemo', 'returnOrder'], input);
}
