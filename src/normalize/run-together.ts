// Numbered items run together in one paragraph: a PDF copied to text, or a page that lost its line
// breaks, gives “1.人工智能。鼓励…。2.人形机器人。优先…。3.量子科技。…” as one line. A paragraph that
// opens with an item marker and holds, each right after a sentence's end, the markers that follow it
// in the same style (2. 3. … / （二）（三）… / 二、三、…) is those sibling items, one paragraph each.
// Markers must follow one another without a gap, each opening text (not a figure: 2.5%), so that a
// number inside a sentence never splits it.
import type { Paragraph } from '../model.js';
import { chineseNumeral } from '../vocabulary.js';

const NUMERALS = '一二三四五六七八九十';

interface Style {
  /** The marker at the paragraph's start: its value and how to write the next one. */
  at: RegExp;
  next(value: number): string[];
}

/** 3 → 三, 12 → 十二, 21 → 二十一. */
const cn = (n: number): string => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`);

const STYLES: Style[] = [
  // (normalize has made ． a . and digits ASCII before this runs)
  { at: /^(\d{1,2})[.、](?=[\u4e00-\u9fff“《])/, next: (v) => [`${v}.`, `${v}、`] },
  { at: /^[（(](\d{1,2})[）)](?=[\u4e00-\u9fff“《])/, next: (v) => [`（${v}）`, `(${v})`] },
  { at: /^[（(]([一二三四五六七八九十]{1,3})[）)](?=[\u4e00-\u9fff“《])/, next: (v) => [`（${cn(v)}）`, `(${cn(v)})`] },
  { at: /^([一二三四五六七八九十]{1,3})、(?=[\u4e00-\u9fff“《])/, next: (v) => [`${cn(v)}、`] },
];

/** The characters a sentence ends with: the next item may open after one. */
const SENTENCE_END = /[。；;！？!?）)”]/;
/** What an item opens with: text, not a figure (2.5%). */
const OPENS_TEXT = /[\u4e00-\u9fff“《]/;
/** At least this many items in one paragraph before it is split (one stray marker is a quotation). */
const MIN_ITEMS = 3;

function valueOf(written: string): number {
  return /^\d+$/.test(written) ? Number(written) : chineseNumeral(written);
}

/** The offsets where the items after the first start, or [] when the paragraph is not such a run. */
function itemStarts(text: string): number[] {
  for (const style of STYLES) {
    const m = style.at.exec(text);
    if (!m) continue;
    let value = valueOf(m[1]);
    if (!(value > 0)) return [];
    const starts: number[] = [];
    let from = m[0].length;
    for (;;) {
      value++;
      let best = -1;
      let len = 0;
      for (const marker of style.next(value)) {
        for (let at = text.indexOf(marker, from); at >= 0; at = text.indexOf(marker, at + 1)) {
          if (!SENTENCE_END.test(text[at - 1] ?? '') || !OPENS_TEXT.test(text[at + marker.length] ?? '')) continue;
          if (best < 0 || at < best) {
            best = at;
            len = marker.length;
          }
          break;
        }
      }
      if (best < 0) break;
      starts.push(best);
      from = best + len;
    }
    return starts.length + 1 >= MIN_ITEMS ? starts : [];
  }
  return [];
}

export function splitRunTogetherItems(paragraphs: Paragraph[]): Paragraph[] {
  let out: Paragraph[] | undefined;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const starts = p.text.length > 60 ? itemStarts(p.text) : [];
    if (!starts.length) {
      out?.push(p);
      continue;
    }
    out ??= paragraphs.slice(0, i);
    const cuts = [0, ...starts, p.text.length];
    for (let k = 0; k + 1 < cuts.length; k++) out.push({ text: p.text.slice(cuts[k], cuts[k + 1]).trim(), line: p.line, lines: p.lines });
  }
  return out ?? paragraphs;
}
