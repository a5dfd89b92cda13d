/** Server-rendered HTML, escaped by construction: interpolated values go through `h`, trusted fragments through `raw`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

type Interpolated = Html | string | number | boolean | null | undefined | Interpolated[];

function render(value: Interpolated): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `h\`<p>${name}</p>\`` escapes name; nested `h` results and arrays of them pass through. */
export function h(strings: TemplateStringsArray, ...values: Interpolated[]): Html {
  return new Html(strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index] as Interpolated) : ''), ''));
}

export const raw = (text: string): Html => new Html(text);

export function timeText(date: Date | undefined): Html {
  if (!date) return h`–`;
  return h`<time datetime="${date.toISOString()}">${date.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>`;
}

export interface LayoutOptions {
  title: string;
  /** Breadcrumb links before the title: [label, href]. */
  trail?: Array<[string, string]>;
  /** Which shops' changes the page follows live (server-sent events). */
  liveShops?: string[];
  live?: boolean;
  notice?: string;
}

/** The page frame: a skip link, the header with the trail, the main content, the live-update script. */
export function layout(options: LayoutOptions, content: Html): string {
  const trail = options.trail?.length ? h`<nav aria-label="Breadcrumb"><ol class="trail">${options.trail.map(([label, href]) => h`<li><a href="${href}">${label}</a></li>`)}<li aria-current="page">${options.title}</li></ol></nav>` : '';
  const shops = new URLSearchParams((options.liveShops ?? []).map((shop): [string, string] => ['shop', shop]));
  const events = options.live === false || !options.liveShops?.length ? '' : `/events?${shops.toString()}`;
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · shopsync status</title>
<link rel="stylesheet" href="/assets/status.css">
<script src="/assets/status.js" defer></script>
</head>
<body data-events="${events}">
<a class="skip" href="#main">Skip to content</a>
<header><p class="brand"><a href="/">shopsync status</a></p>${trail}</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.notice ? h`<p class="notice" role="status">${options.notice}</p>` : ''}
${content}
</main>
<footer><p id="live-state" aria-live="polite">${options.live === false ? '' : 'Counts update by themselves when runs finish.'}</p></footer>
</body>
</html>`.text;
}
