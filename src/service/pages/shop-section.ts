import { TASK_KEYS, TASKS } from '../../domain/tasks';
import type { ShopOverview } from '../../shop-status';
import { h, timeText, type Html } from './html';

export const shopPath = (shop: string): string => `/shops/${encodeURIComponent(shop)}`;
export const cuePath = (shop: string, cue: string): string => `${shopPath(shop)}/cues/${encodeURIComponent(cue)}`;
const confirmPath = (shop: string, fields: Record<string, string>): string => `${shopPath(shop)}/confirm?${new URLSearchParams(fields).toString()}`;
const idOf = (shop: string): string => `shop-${shop.replace(/[^a-z0-9]+/gi, '-')}`;

function attention(overview: ShopOverview): Html {
  if (overview.needsAttention.length === 0) return h`<p class="attention ok" data-attention="${overview.shop}">✓ Nothing needs attention.</p>`;
  const titles = overview.cues.filter((cue) => cue.count > 0).map((cue) => h`<a href="${cuePath(overview.shop, cue.key)}">${cue.title} (${cue.count})</a>`);
  return h`<p class="attention warn" data-attention="${overview.shop}">⚠ Needs attention: ${titles.flatMap((link, i) => (i === 0 ? [link] : [h`, `, link]))}.</p>`;
}

function cueTable(overview: ShopOverview): Html {
  return h`<table class="cues">
<caption>Cues (the connector's "Shopify Activities")</caption>
<thead><tr><th scope="col">Cue</th><th scope="col" class="num">Records</th></tr></thead>
<tbody>${overview.cues.map(
    (cue) => h`<tr class="${cue.count > 0 ? 'nonzero' : 'zero'}"><th scope="row"><a href="${cuePath(overview.shop, cue.key)}">${cue.title}</a></th><td class="num" data-count="${overview.shop}|${cue.key}">${cue.count}</td></tr>`,
  )}</tbody>
</table>`;
}

function lockBlock(overview: ShopOverview): Html {
  const { lock } = overview;
  const link = (url: string | undefined, text: string): Html => (url ? h`<a href="${url}">${text}</a>` : h`${text}`);
  const state =
    lock.state === 'held' && lock.holder
      ? h`Held by ${link(lock.holder.webUiUrl, `${lock.holder.task} (${lock.holder.workflowId})`)} since ${timeText(lock.holder.since)}.`
      : lock.state === 'free'
        ? h`Free.`
        : h`Free (no task has asked for it yet).`;
  const waiting = lock.waiting.length
    ? h`<ol class="waiting" aria-label="Waiting for the lock">${lock.waiting.map((w) => h`<li>${link(w.webUiUrl, `${w.task} (${w.workflowId})`)}, waiting since ${timeText(w.since)}</li>`)}</ol>`
    : h`<p>Nobody waits.</p>`;
  return h`<h3>Lock</h3><p data-lock="${overview.shop}">${state}</p>${waiting}`;
}

function schedulesBlock(overview: ShopOverview): Html {
  if (overview.schedules.length === 0) return h`<h3>Schedules</h3><p>No schedules: tasks run only when asked (set the shop's <code>schedules</code> setting).</p>`;
  return h`<h3>Schedules</h3>
<table class="schedules">
<thead><tr><th scope="col">Task</th><th scope="col">State</th><th scope="col">Last run</th><th scope="col">Next run</th><th scope="col"><span class="sr-only">Action</span></th></tr></thead>
<tbody>${overview.schedules.map(
    (s) => h`<tr><th scope="row">${s.task}</th><td>${s.paused ? h`<strong>On hold</strong>${s.note ? h` (${s.note})` : ''}` : s.running ? 'Running now' : 'Active'}</td><td>${timeText(s.lastRunAt)}</td><td>${s.paused ? '–' : timeText(s.nextRunAt)}</td>
<td><a class="button" href="${confirmPath(overview.shop, { action: s.paused ? 'resume' : 'pause', task: s.task })}">${s.paused ? 'Resume' : 'Pause'}<span class="sr-only"> ${s.task}</span>…</a></td></tr>`,
  )}</tbody>
</table>`;
}

function runForm(overview: ShopOverview): Html {
  const id = `${idOf(overview.shop)}-task`;
  return h`<h3>Run a task now</h3>
<form method="get" action="${shopPath(overview.shop)}/confirm" class="inline">
<input type="hidden" name="action" value="run">
<label for="${id}">Task</label>
<select id="${id}" name="task">${TASK_KEYS.map((key) => h`<option value="${key}">${key}: ${TASKS[key].description}</option>`)}</select>
<button type="submit">Run…</button>
</form>
${overview.cues.some((cue) => cue.key === 'shipmentErrors' && cue.count > 0) ? h`<p><a class="button" href="${confirmPath(overview.shop, { action: 'retryShipments' })}">Retry every errored shipment…</a></p>` : ''}`;
}

function failuresBlock(overview: ShopOverview): Html {
  const all = overview.failuresWebUiUrl ? h` <a href="${overview.failuresWebUiUrl}">All failed runs in the Temporal Web UI</a>` : '';
  if (overview.recentFailures.length === 0) return h`<h3>Recent failed runs</h3><p>None in the last 7 days.${all}</p>`;
  return h`<h3>Recent failed runs</h3>
<ul class="failures">${overview.recentFailures.map(
    (f) => h`<li><strong>${f.task ?? f.workflowType}</strong> ${timeText(f.closedAt)}: ${f.message} ${f.webUiUrl ? h`<a href="${f.webUiUrl}">Open the run<span class="sr-only"> ${f.workflowId}</span></a>` : h`<code>${f.workflowId}</code>`}</li>`,
  )}</ul><p>${all}</p>`;
}

/** One shop at a glance, with its actions: the overview shows one per shop, the shop page one alone. */
export function shopSection(overview: ShopOverview, headingLevel: 'h1' | 'h2' = 'h2'): Html {
  const state = overview.enabled ? '' : h` <span class="badge">disabled</span>`;
  const heading = headingLevel === 'h2' ? h`<h2 id="${idOf(overview.shop)}"><a href="${shopPath(overview.shop)}">${overview.shop}</a>${state}</h2>` : h`${state ? h`<p>${state}</p>` : ''}`;
  const label = headingLevel === 'h2' ? h`aria-labelledby="${idOf(overview.shop)}"` : h`aria-label="${overview.shop}"`;
  return h`<section class="shop" ${label} data-shop="${overview.shop}">
${heading}
${attention(overview)}
<div class="grid">
<div>${cueTable(overview)}</div>
<div>${lockBlock(overview)}${schedulesBlock(overview)}</div>
</div>
${runForm(overview)}
${failuresBlock(overview)}
</section>`;
}

/** A shop whose state could not be read just now: its name, the reason, and where to look. */
export function unreadableShop(shop: string, reason: string): Html {
  return h`<section class="shop" aria-labelledby="${idOf(shop)}" data-shop="${shop}">
<h2 id="${idOf(shop)}"><a href="${shopPath(shop)}">${shop}</a></h2>
<p class="attention warn">⚠ Its state could not be read: ${reason}</p>
</section>`;
}
