/** Groups what a cursor reads into pages; leaving the loop early closes the cursor. */
export async function* pagesOf<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const item of source) {
    page.push(item);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}
