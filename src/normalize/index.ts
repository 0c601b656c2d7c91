// Normalize: decoded text → paragraphs of simplified, unified text, each with its original line.
import type { NormalizedText, Warning } from '../model.js';
import { stripPinyin } from './pinyin.js';
import { isTraditional, toSimplified } from './t2s.js';
import { unifyWidth } from './width.js';
import { aggregateDamage, findDamage, isFurniture } from './damage.js';
import { rejoin, tabsAsCells, type Line } from './rejoin.js';
import { splitRunTogetherItems } from './run-together.js';
import { asidesOf, closeAsides, describeRepairs, joinBrokenNotes, repairInline, repairOcr, snapUnits } from './ocr.js';

export { isTraditional, toSimplified } from './t2s.js';
export { unifyWidth } from './width.js';
export { stripPinyin } from './pinyin.js';

/** Kangxi radicals (U+2F00–U+2FD5) and the radicals supplement, which NFKC maps to ideographs where it can. */
const RADICAL = /[\u2e80-\u2fdf]/;
const RADICALS = /[\u2e80-\u2fdf]/g;
/**
 * The simplified forms of the CJK Radicals Supplement (U+2EC5–U+2EF3, Unicode's CJK Radicals
 * Supplement chart), which NFKC leaves alone, and the ideographs they stand for (⻓三⻆ is 长三角).
 */
const SUPPLEMENT_FORM: Record<string, string> = Object.fromEntries(
  [...'⻅见⻆角⻈讠⻉贝⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻟饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺠民⻄西'.matchAll(/(.)(.)/gu)].map((m) => [m[1], m[2]]),
);

export interface NormalizeOptions {
  /** Force or forbid traditional→simplified conversion; default: detect. */
  convert?: 'auto' | 'always' | 'never';
  /** Lines read by OCR: the page of every line (index = line - 1) and the pages OCR read (normalize/ocr.ts repairs them). */
  ocrLines?: { pageOfLine: number[]; pages: readonly number[] };
}

export function normalize(text: string, opts: NormalizeOptions = {}): NormalizedText {
  const warnings: Warning[] = [];
  let unified = text.replace(/\r\n?/g, '\n');
  // a PDF printed from a web page may draw ideographs with the glyphs of the Kangxi radicals (⼀、⼆、
  // ⽹ for 一、二、网): the same characters to a reader, and to every later stage once mapped back
  if (RADICAL.test(unified)) unified = unified.replace(RADICALS, (c) => SUPPLEMENT_FORM[c] ?? c.normalize('NFKC'));
  const raw = unified.split('\n');
  let glossCount = 0;
  let glossLine = 0;
  // whole-text pre-checks: most notices have no glosses and no damage, so skip the per-line work
  const mayHaveGloss = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/.test(text);
  // (two scans: one character class alone scans far faster than an alternation with a word)
  const mayBeDamaged = /[\uFFFD?？\u0080-\u00ef]/.test(text) || text.includes('锟斤拷');
  // pushed onto a literal, not raw.map: a packed array like `raw` whichever tier runs this (an
  // optimized map returns a holey one, and the readers of the lines would see two array shapes)
  let deglossed = raw;
  if (mayHaveGloss) {
    deglossed = [];
    for (let i = 0; i < raw.length; i++) {
      const r = stripPinyin(raw[i]);
      if (r.removed > 0) {
        glossCount += r.removed;
        glossLine ||= i + 1;
      }
      deglossed.push(r.text);
    }
  }
  if (glossCount > 0) {
    warnings.push({ code: 'pinyin-annotations', line: glossLine, message: `removed ${glossCount} pinyin annotations such as 發(fā) left by the web page` });
  }
  // the lines joined again are the text itself when no gloss was removed (stripPinyin then returns each line as it is)
  const joined = glossCount === 0 ? unified : deglossed.join('\n');
  const mode = opts.convert ?? 'auto';
  const convert = mode === 'always' || (mode === 'auto' && isTraditional(joined));
  let lines = deglossed;
  if (convert) {
    const conv = toSimplified(joined).split('\n');
    lines = conv.length === deglossed.length ? conv : deglossed.map(toSimplified);
  }
  let kept: Line[] = [];
  lines.forEach((l, i) => {
    const lineNo = i + 1;
    if (mayBeDamaged) for (const w of findDamage(deglossed[i], lineNo)) warnings.push(w);
    const t = unifyWidth(tabsAsCells(l));
    if (isFurniture(t)) {
      warnings.push({ code: 'page-furniture', line: lineNo, message: `web page furniture “${t}” is not part of the notice (ignored)` });
      return;
    }
    kept.push({ text: t, line: lineNo });
  });
  let ocrRepairs: string | undefined;
  let isOcr: ((line: number) => boolean) | undefined;
  let counts: ReturnType<typeof repairOcr>['counts'] | undefined;
  if (opts.ocrLines && opts.ocrLines.pages.length > 0) {
    const pages = new Set(opts.ocrLines.pages);
    const { pageOfLine } = opts.ocrLines;
    isOcr = (line) => pages.has(pageOfLine[line - 1]);
    const read = kept.filter((l) => isOcr!(l.line));
    const repaired = repairOcr(read.map((l) => ({ text: l.text, page: pageOfLine[l.line - 1] })));
    const drop = new Set<Line>();
    read.forEach((l, i) => (repaired.lines[i] === null ? drop.add(l) : (l.text = repaired.lines[i]!)));
    if (drop.size > 0) kept = kept.filter((l) => !drop.has(l));
    counts = repaired.counts;
  }
  let paragraphs = splitRunTogetherItems(rejoin(kept));
  if (isOcr && counts) {
    const c = counts;
    paragraphs = joinBrokenNotes(paragraphs, isOcr, (k) => c[k]++);
    const ocrParagraphs = paragraphs.filter((p) => p.lines.some(isOcr!));
    for (const p of ocrParagraphs) if (p.lines.length > 1) p.text = repairInline(p.text, (k) => c[k]++);
    // asides whose closing bracket was lost, closed as the document closes them elsewhere
    const asides = asidesOf(paragraphs.map((p) => p.text));
    for (const p of ocrParagraphs) p.text = closeAsides(p.text, asides, (k) => c[k]++);
    snapUnits(paragraphs, ocrParagraphs, (k) => c[k]++);
    ocrRepairs = describeRepairs(c);
  }
  return { paragraphs, converted: convert ? 't2s' : 'none', warnings: aggregateDamage(warnings), ...(ocrRepairs ? { ocrRepairs } : {}) };
}
