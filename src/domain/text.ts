/**
 * Text cut to an ERP field's length (counted in UTF-16 units, as the ERP's text fields are) without
 * cutting a character in two: an emoji, a flag or a letter with its accents is kept whole or left out.
 * A plain `slice` can leave half a surrogate pair, which the database stores as U+FFFD.
 */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (kept.length + segment.length > max) break;
    kept += segment;
  }
  return kept;
}
