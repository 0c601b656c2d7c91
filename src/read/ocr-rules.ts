// The ruling lines of a scanned page (a bordered table: 重点任务分工表), found in the page image, so
// that the shared layout rebuilds the table's rows and cells as it does from a text PDF's drawn rules.
// Tesseract gives words, not lines; without the borders a table's cells run together line by line.
// A phone scan is turned by a degree or so: a border is traced as a path of dark pixels that may step
// one pixel up or down (or sideways) as it goes, and the page's turn is read off the long borders'
// slope, so that words and borders can be set straight (deskew of the coordinates, not of the image).

/** A grey image as pdftoppm writes it with -gray (binary PGM, P5, 8 bits). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A traced border, in pixels: from (x0, y0) to (x1, y1) along its length. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Reads a binary PGM (P5, maxval ≤ 255); undefined when it is not one. */
export function readPgm(bytes: Uint8Array): Gray | undefined {
  let at = 0;
  const token = (): string => {
    for (;;) {
      while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]))) at++;
      if (bytes[at] !== 0x23) break; // # comment
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    let s = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]))) s += String.fromCharCode(bytes[at++]);
    return s;
  };
  if (token() !== 'P5') return undefined;
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  at++; // the one whitespace after maxval
  if (!(width > 0 && height > 0 && max > 0 && max < 256) || bytes.length - at < width * height) return undefined;
  return { width, height, data: bytes.subarray(at, at + width * height) };
}

const DARK = 140;
/** The longest run of light pixels a border may have (JPEG noise, a faint spot). */
const GAP = 4;

/**
 * Borders along one direction: a path of dark pixels at least `min` long that steps at most one
 * pixel across per pixel along. `horizontal` false traces columns (the image read transposed).
 */
function trace(g: Gray, horizontal: boolean, min: number): Segment[] {
  const along = horizontal ? g.width : g.height;
  const across = horizontal ? g.height : g.width;
  const dark = horizontal ? (a: number, c: number) => g.data[c * g.width + a] < DARK : (a: number, c: number) => g.data[a * g.width + c] < DARK;
  const seen = new Uint8Array(g.width * g.height);
  const mark = horizontal ? (a: number, c: number) => (seen[c * g.width + a] = 1) : (a: number, c: number) => (seen[a * g.width + c] = 1);
  const was = horizontal ? (a: number, c: number) => seen[c * g.width + a] === 1 : (a: number, c: number) => seen[a * g.width + c] === 1;
  const out: Segment[] = [];
  for (let c = 1; c < across - 1; c++) {
    for (let a = 0; a < along; a++) {
      if (!dark(a, c) || was(a, c)) continue;
      let cc = c;
      let end = a;
      let gap = 0;
      let x = a;
      for (; x < along && gap <= GAP; x++) {
        if (dark(x, cc)) gap = 0;
        else if (cc > 1 && dark(x, cc - 1)) (cc--, (gap = 0));
        else if (cc < across - 2 && dark(x, cc + 1)) (cc++, (gap = 0));
        else {
          gap++;
          continue;
        }
        mark(x, cc);
        end = x;
      }
      if (end - a >= min) out.push(horizontal ? { x0: a, y0: c, x1: end, y1: cc } : { x0: c, y0: a, x1: cc, y1: end });
      a = Math.max(a, end);
    }
  }
  return out;
}

/** Borders closer than this (pixels, across) are one border traced twice (its thickness). */
function merge(segs: Segment[], horizontal: boolean): Segment[] {
  const mid = (s: Segment) => (horizontal ? (s.y0 + s.y1) / 2 : (s.x0 + s.x1) / 2);
  const lo = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const hi = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const out: Segment[] = [];
  for (const s of [...segs].sort((a, b) => hi(b) - lo(b) - (hi(a) - lo(a)))) {
    const same = out.some((o) => Math.abs(mid(o) - mid(s)) < 8 && lo(s) < hi(o) && hi(s) > lo(o));
    if (!same) out.push(s);
  }
  return out;
}

/** Bump when findRules finds other borders: cached pages get their borders found again (not their words read again). */
export const FINDER = 3;

export interface PageRules {
  /** the FINDER that found them */
  finder: number;
  /** the page's turn: the borders' slope (dy/dx of the horizontal ones), 0 when there are none */
  slope: number;
  horizontal: Segment[];
  vertical: Segment[];
}

/**
 * The borders of a page image: horizontal ones at least a fifth of the page wide, vertical ones at
 * least `dpi`/4 long that cross two horizontal ones or more. None when fewer than two horizontal
 * borders are found (no table: nothing changes for the page).
 */
export function findRules(g: Gray, dpi: number): PageRules {
  const horizontal = merge(trace(g, true, Math.max(40, g.width / 5)), true);
  if (horizontal.length < 2) return { finder: FINDER, slope: 0, horizontal: [], vertical: [] };
  const slopes = horizontal.map((s) => (s.y1 - s.y0) / Math.max(1, s.x1 - s.x0)).sort((a, b) => a - b);
  const slope = slopes[Math.floor(slopes.length / 2)];
  // a column border runs across row borders (a stroke of a character inside a cell does not): kept
  // when it crosses or meets two or more, and cut to the first and last (a table broken by the page
  // end has no bottom border)
  const vertical: Segment[] = [];
  for (const v of merge(trace(g, false, Math.max(20, dpi / 4)), false)) {
    const x = (v.x0 + v.x1) / 2;
    const ys = horizontal
      .filter((h) => x >= h.x0 - 15 && x <= h.x1 + 15)
      .map((h) => h.y0 + (x - h.x0) * slope)
      .filter((y) => y >= v.y0 - 15 && y <= v.y1 + 15);
    if (ys.length < 2) continue;
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const at = (y: number) => v.x0 + ((y - v.y0) * (v.x1 - v.x0)) / Math.max(1, v.y1 - v.y0);
    vertical.push({ x0: at(y0), y0, x1: at(y1), y1 });
  }
  return { finder: FINDER, slope, horizontal, vertical };
}

/**
 * The borders whitened in the image (`g.data` is changed), a few pixels either side of each traced
 * path: Tesseract takes text that touches a border for part of a drawing and drops it, so a table's
 * cells read fuller without them (the layout has them as rules).
 */
export function eraseRules(g: Gray, r: PageRules, dpi: number): void {
  const half = Math.max(2, Math.round(dpi / 60));
  const white = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < g.width && y < g.height) g.data[y * g.width + x] = 255;
  };
  for (const h of r.horizontal) {
    for (let x = Math.round(h.x0); x <= h.x1; x++) {
      const y = Math.round(h.y0 + ((x - h.x0) * (h.y1 - h.y0)) / Math.max(1, h.x1 - h.x0));
      for (let d = -half; d <= half; d++) white(x, y + d);
    }
  }
  for (const v of r.vertical) {
    for (let y = Math.round(v.y0); y <= v.y1; y++) {
      const x = Math.round(v.x0 + ((y - v.y0) * (v.x1 - v.x0)) / Math.max(1, v.y1 - v.y0));
      for (let d = -half; d <= half; d++) white(x + d, y);
    }
  }
}
