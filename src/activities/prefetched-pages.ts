interface Page {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The pages of a Shopify connection from `after` on, each next page requested while the caller
 * stores the one it was given, until the last page or until `moreWanted()` says stop.
 */
export async function* prefetchedPages<P extends Page>(fetchPage: (after: string | null) => Promise<P>, after: string | null, moreWanted: () => boolean): AsyncGenerator<P> {
  let pending = fetchPage(after);
  for (;;) {
    const page = await pending;
    const more = page.pageInfo.hasNextPage && moreWanted();
    if (more) {
      pending = fetchPage(page.pageInfo.endCursor ?? null);
      pending.catch(() => undefined); // awaited next round; this keeps a failure meanwhile from going unhandled
    }
    yield page;
    if (!more) return;
  }
}
