// OFD (GB/T 33190, the national fixed-layout format) -> lines. An OFD is a zip of XML:
// OFD.xml names each document's Document.xml, which lists its pages; a page's Content.xml places
// TextObjects (Boundary, then TextCode runs at X/Y with per-glyph DeltaX advances) and PathObjects
// (table borders) in millimetres. Runs and borders go through the same layout as a PDF's.
// Read under the file's Budget (budget.ts): only the entries the package names are inflated, each
// time it names them; pages, glyph runs per page and text are counted.
import { PlancmpError } from '../errors.js';
import type { Budget } from './budget.js';
import type { DocumentReader } from './kinds.js';
import { layoutPages, type PageContent, type Rule, type TextRun } from './layout.js';
import { child, decodeXml, descendants, elements, parseXml, textOf, type XmlElement } from './xml.js';
import { ZipPackage } from './zip.js';

const PT_PER_MM = 72 / 25.4;

const nums = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);

/**
 * DeltaX/DeltaY: numbers, where `g N d` stands for N copies of d; the first `max` of them (a run
 * uses one per glyph: more, repeated by `g`, would only fill memory).
 */
export function deltas(s: string | undefined, max = Infinity): number[] {
  const t = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < t.length && out.length < max; i++) {
    if (t[i] === 'g' && i + 2 < t.length) {
      const n = Math.min(Number(t[i + 1]), 100000, max - out.length);
      for (let k = 0; k < n; k++) out.push(Number(t[i + 2]));
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
}

/** Resolves a package path (absolute from the root, or relative to a folder). */
function resolve(dir: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${dir}/${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

const dirOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));

/** Affine transform `a b c d e f` of a graphic unit (CTM), applied to a point in its boundary. */
const apply = (ctm: number[] | undefined, x: number, y: number): [number, number] =>
  ctm && ctm.length === 6 ? [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]] : [x, y];

function textRuns(obj: XmlElement, runs: TextRun[], budget: Budget): void {
  const push = (r: TextRun) => {
    runs.push(r);
    budget.check('textItemsPerPage', runs.length, (n) => `a page has more than ${n} glyph runs`);
  };
  const [bx, by] = nums(obj.attrs.Boundary);
  const ctm = obj.attrs.CTM ? nums(obj.attrs.CTM) : undefined;
  const scale = ctm ? Math.hypot(ctm[0], ctm[1]) || 1 : 1;
  const size = Number(obj.attrs.Size ?? 0) * scale;
  let x = 0;
  let y = 0;
  for (const code of elements(obj, 'TextCode')) {
    const text = textOf(code);
    budget.spend('textChars', text.length, (n) => `it yields more than ${n} characters of text`);
    if (code.attrs.X !== undefined) x = Number(code.attrs.X);
    if (code.attrs.Y !== undefined) y = Number(code.attrs.Y);
    const chars = [...text];
    const dx = deltas(code.attrs.DeltaX, chars.length);
    const dy = deltas(code.attrs.DeltaY, chars.length);
    if (dy.some((d) => d !== 0)) {
      // vertical or stepped text: one run per glyph
      let cx = x;
      let cy = y;
      chars.forEach((c, i) => {
        const [px, py] = apply(ctm, cx, cy);
        push({ text: c, x: (bx + px) * PT_PER_MM, y: (by + py) * PT_PER_MM, w: size * PT_PER_MM, size: size * PT_PER_MM });
        cx += dx[i] ?? 0;
        cy += dy[i] ?? 0;
      });
      continue;
    }
    const advance = dx.slice(0, chars.length - 1).reduce((a, b) => a + b, 0);
    const [px, py] = apply(ctm, x, y);
    const width = (advance + size) * scale;
    push({ text, x: (bx + px) * PT_PER_MM, y: (by + py) * PT_PER_MM, w: width * PT_PER_MM, size: size * PT_PER_MM });
    x += advance + (dx[chars.length - 1] ?? size);
  }
}

/** Straight segments of a PathObject (AbbreviatedData: M/S move, L line, C close) as possible rules. */
function pathRules(obj: XmlElement, rules: Rule[], ops: { n: number }, budget: Budget): void {
  const [bx, by] = nums(obj.attrs.Boundary);
  const ctm = obj.attrs.CTM ? nums(obj.attrs.CTM) : undefined;
  const text = textOf(child(obj, 'AbbreviatedData') ?? obj);
  // the page's path operators and operands, counted before the text is split into them
  for (let i = 0, inToken = false; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inToken) ops.n++;
    inToken = !space;
  }
  budget.check('drawingOpsPerPage', ops.n, (n) => `a page draws more than ${n} path operators and operands`);
  const data = text.trim().split(/\s+/);
  let start: [number, number] | undefined;
  let cur: [number, number] | undefined;
  const seg = (a: [number, number], b: [number, number]) => {
    const [ax, ay] = apply(ctm, ...a);
    const [cx, cy] = apply(ctm, ...b);
    const r = { x0: (bx + Math.min(ax, cx)) * PT_PER_MM, x1: (bx + Math.max(ax, cx)) * PT_PER_MM, y0: (by + Math.min(ay, cy)) * PT_PER_MM, y1: (by + Math.max(ay, cy)) * PT_PER_MM };
    if ((r.y1 - r.y0 < 3 && r.x1 - r.x0 > 5) || (r.x1 - r.x0 < 3 && r.y1 - r.y0 > 5)) rules.push(r);
  };
  for (let i = 0; i < data.length; i++) {
    const op = data[i];
    if (op === 'M' || op === 'S') cur = start = [Number(data[++i]), Number(data[++i])];
    else if (op === 'L') {
      const p: [number, number] = [Number(data[++i]), Number(data[++i])];
      if (cur) seg(cur, p);
      cur = p;
    } else if (op === 'C') {
      if (cur && start) seg(cur, start);
      cur = start;
    } else if (op === 'B') i += 6;
    else if (op === 'Q') i += 4;
    else if (op === 'A') i += 7;
  }
}

export const read: DocumentReader = async (bytes, file, _opts, budget) => {
  const zip = new ZipPackage(bytes, budget);
  const names = new Map<string, string>();
  for (const n of zip.names()) if (n.toLowerCase().endsWith('.xml')) names.set(n.toLowerCase(), n);
  const xml = (p: string): XmlElement | undefined => {
    const n = names.get(p.toLowerCase());
    const part = n === undefined ? undefined : zip.read(n);
    return part ? parseXml(decodeXml(part), budget) : undefined;
  };
  const ofd = xml('OFD.xml');
  if (!ofd) throw new PlancmpError('damaged', 'is a zip file without OFD.xml, not an OFD document', file, 'check that it is an .ofd notice');
  const pages: PageContent[] = [];
  for (const body of descendants(ofd, 'DocBody')) {
    const rootLoc = textOf(child(body, 'DocRoot') ?? body).trim();
    if (!rootLoc) continue;
    const docPath = resolve('', rootLoc);
    const doc = xml(docPath);
    if (!doc) throw new PlancmpError('damaged', `names ${docPath}, which is missing from the package`, file, 'the OFD is incomplete: download it again');
    const docDir = dirOf(docPath);
    const defaultBox = nums(textOf(child(child(child(doc, 'CommonData'), 'PageArea'), 'PhysicalBox') ?? doc)) ;
    const listed = descendants(child(doc, 'Pages') ?? doc, 'Page');
    budget.check('pages', listed.length, (n) => `it has ${listed.length} pages, more than ${n}`);
    for (const p of listed) {
      const pagePath = resolve(docDir, p.attrs.BaseLoc ?? '');
      const page = xml(pagePath);
      if (!page) throw new PlancmpError('damaged', `names page ${pagePath}, which is missing from the package`, file, 'the OFD is incomplete: download it again');
      const own = child(child(page, 'Area'), 'PhysicalBox');
      const box = own ? nums(textOf(own)) : defaultBox;
      const runs: TextRun[] = [];
      const rules: Rule[] = [];
      const content = child(page, 'Content');
      if (content) {
        for (const t of descendants(content, 'TextObject')) textRuns(t, runs, budget);
        const ops = { n: 0 };
        for (const path of descendants(content, 'PathObject')) pathRules(path, rules, ops, budget);
      }
      pages.push({ width: (box[2] ?? 210) * PT_PER_MM, height: (box[3] ?? 297) * PT_PER_MM, runs, rules });
    }
    break; // the first document is the notice (others would be attachments or signatures)
  }
  if (pages.length === 0) throw new PlancmpError('damaged', 'has no pages', file, 'check that it is a complete OFD document');
  return { lines: layoutPages(pages), pages: pages.length, warnings: [], encoding: 'utf-8' };
};
