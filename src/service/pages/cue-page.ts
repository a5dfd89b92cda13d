import type { CuePage } from '../../shop-status';
import { h, timeText, type Html } from './html';
import { cuePath, shopPath } from './shop-section';

/** Per-record actions the connector offers on these cues: accept an edited order, send a shipment again. */
function recordAction(page: CuePage, id: string): Html {
  const confirm = (fields: Record<string, string>, label: string): Html =>
    h`<a class="button" href="${shopPath(page.shop)}/confirm?${new URLSearchParams(fields).toString()}">${label}<span class="sr-only"> ${id}</span>…</a>`;
  if (page.cue === 'unprocessedOrderUpdates') return confirm({ action: 'resolveConflict', order: id }, 'Accept as is');
  if (page.cue === 'shipmentErrors') return confirm({ action: 'retryShipments', shipment: id }, 'Retry');
  return h``;
}

function pager(page: CuePage): Html {
  if (page.pages <= 1) return h``;
  const link = (n: number, label: string, rel: string): Html => h`<a href="${cuePath(page.shop, page.cue)}?page=${n}" rel="${rel}">${label}</a>`;
  return h`<nav aria-label="Pages" class="pager">${page.page > 1 ? link(page.page - 1, '← Previous', 'prev') : ''} <span>Page ${page.page} of ${page.pages}</span> ${page.page < page.pages ? link(page.page + 1, 'Next →', 'next') : ''}</nav>`;
}

/** A cue's records with their error messages, a page at a time, each linked to its run in the Web UI. */
export function cuePageContent(page: CuePage): Html {
  const hasActions = page.cue === 'unprocessedOrderUpdates' || page.cue === 'shipmentErrors';
  const summary = page.count === 0 ? h`<p class="attention ok">✓ Nothing here: no record needs attention.</p>` : h`<p><span data-count="${page.shop}|${page.cue}">${page.count}</span> record(s) need attention.</p>`;
  if (page.count === 0 || page.items.length === 0) return h`${summary}<p><a href="${shopPath(page.shop)}">Back to ${page.shop}</a></p>`;
  return h`${summary}
<table class="records">
<thead><tr><th scope="col">Record</th><th scope="col">Error or reason</th><th scope="col">When</th><th scope="col">Run</th>${hasActions ? h`<th scope="col"><span class="sr-only">Action</span></th>` : ''}</tr></thead>
<tbody>${page.items.map(
    (item) => h`<tr><th scope="row">${item.label}${item.label.includes(item.id) ? '' : h`<br><code>${item.id}</code>`}</th><td>${item.error ?? '–'}</td><td>${timeText(item.at)}</td>
<td>${item.webUiUrl ? h`<a href="${item.webUiUrl}">In the Web UI<span class="sr-only"> for ${item.id}</span></a>` : '–'}</td>${hasActions ? h`<td>${recordAction(page, item.id)}</td>` : ''}</tr>`,
  )}</tbody>
</table>
${pager(page)}`;
}
