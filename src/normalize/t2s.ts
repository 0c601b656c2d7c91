// Traditional → simplified, only for text that is traditional: converting text that is already
// simplified corrupts some names (乾安县 → 干安县), so we measure first.
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let converter: Convert | undefined;

/**
 * Loaded and built on first use (its CommonJS build, synchronously): the dictionaries cost
 * milliseconds that a simplified notice — most of them — should not pay.
 */
function t2s(): Convert {
  if (!converter) {
    const OpenCC = createRequire(import.meta.url)('opencc-js/t2cn') as typeof OpenCCModule;
    converter = OpenCC.Converter({ from: 'tw', to: 'cn' }) as Convert;
  }
  return converter;
}

// Characters that exist only in traditional script and are frequent in government text. A
// simplified document contains none of them; a traditional one is full of them.
const TRADITIONAL_ONLY =
  '們會個來對國發為說時過還與業動學實應關經東門長開問無見機權點間計劃廣務員當體現進區縣鄉鎮單黨織辦設規標準' +
  '這從產種當兩體統點條溝屬雙級導們層屬將專構擔擬據環節決議辦總書記場興嚴優質數據執導財處劃參審報職責權';

// membership table over the CJK block: one array read per character instead of a string search
const IS_TRADITIONAL = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const ch of TRADITIONAL_ONLY) {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) IS_TRADITIONAL[c - 0x4e00] = 1;
}

/** Share of CJK characters that are traditional-only, sampled over at most the first 8,000 characters (thousands of CJK characters decide it). */
export function traditionalShare(text: string): number {
  let cjk = 0;
  let trad = 0;
  const n = Math.min(text.length, 8000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      trad += IS_TRADITIONAL[c - 0x4e00];
    }
  }
  return cjk === 0 ? 0 : trad / cjk;
}

/** Traditional text has ~10% of such characters; 1% already rules out a simplified document with a few quotes. */
export function isTraditional(text: string): boolean {
  return traditionalShare(text) > 0.01;
}

export function toSimplified(text: string): string {
  return t2s()(text);
}
