// Character-level diff of two short titles (LCS, O(n·m); titles are under 60 characters), so a
// reworded title shows exactly which characters changed: 建立科学谋划体系 → 提升科学谋划能力.
export type CharOp = { op: 'same' | 'del' | 'ins'; text: string };

export function charDiff(before: string, after: string): CharOp[] {
  const a = Array.from(before);
  const b = Array.from(after);
  // L[i][j] = LCS length of a[i..] and b[j..], so the walk below can go forwards
  const L = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
  }
  const raw: CharOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      raw.push({ op: 'same', text: a[i++] });
      j++;
    } else if (j >= b.length || (i < a.length && L[i + 1][j] >= L[i][j + 1])) {
      raw.push({ op: 'del', text: a[i++] });
    } else {
      raw.push({ op: 'ins', text: b[j++] });
    }
  }
  return foldStray(merge(raw));
}

function merge(ops: CharOp[]): CharOp[] {
  const out: CharOp[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else out.push({ ...o });
  }
  return out;
}

/**
 * A single shared character between two edits (a stray 的 or 和) reads as noise, not as kept text:
 * fold it into the surrounding change, so each change region is one deletion then one insertion.
 */
/**
 * One shared character between two edits (a stray 的 or 和) reads as noise, not as kept text: fold it
 * into the surrounding change so each change region is one deletion and one insertion.
 * `foldable` can refuse a character (the HTML report keeps its task separators).
 */
export function foldStray(ops: CharOp[], foldable: (text: string) => boolean = () => true): CharOp[] {
  const isEdit = (k: number) => k >= 0 && k < ops.length && ops[k].op !== 'same';
  const out: CharOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'del', text: del });
    if (ins) out.push({ op: 'ins', text: ins });
    del = ins = '';
  };
  ops.forEach((o, k) => {
    const stray = o.op === 'same' && Array.from(o.text).length <= 1 && foldable(o.text) && isEdit(k - 1) && isEdit(k + 1);
    if (o.op === 'del') del += o.text;
    else if (o.op === 'ins') ins += o.text;
    else if (stray) {
      del += o.text;
      ins += o.text;
    } else {
      flush();
      out.push(o);
    }
  });
  flush();
  return out;
}

/** Both sides of a title change, with removed characters marked on the old side and inserted ones on the new. */
export function markTitleChange(
  before: string,
  after: string,
  mark: { del: (s: string) => string; ins: (s: string) => string },
  /** Applied to unchanged text (e.g. Markdown escaping; the marks escape their own part). */
  plain: (s: string) => string = (s) => s,
): { before: string; after: string } {
  const ops = charDiff(before, after);
  return {
    before: ops.map((o) => (o.op === 'same' ? plain(o.text) : o.op === 'del' ? mark.del(o.text) : '')).join(''),
    after: ops.map((o) => (o.op === 'same' ? plain(o.text) : o.op === 'ins' ? mark.ins(o.text) : '')).join(''),
  };
}

/** One changed region of a task text: what was taken out and what was put in (either may be empty). */
export interface BodyEdit {
  del: string;
  ins: string;
}

/**
 * The changed regions of two task texts, for a one-line note under a rewording whose title stayed:
 * the changes in text order, each side cut to `width` characters. Texts longer than `limit`
 * characters are compared on their first `limit` (the diff is O(n·m)).
 */
export function bodyEdits(before: string, after: string, limit = 600): BodyEdit[] {
  const cut = (s: string) => Array.from(s).slice(0, limit).join('');
  const ops = charDiff(cut(before), cut(after));
  const out: BodyEdit[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    if (o.op === 'ins') out.push({ del: '', ins: o.text });
    else if (o.op === 'del') {
      // a deletion followed by an insertion is one replacement
      const next = ops[k + 1];
      if (next?.op === 'ins') k++;
      out.push({ del: o.text, ins: next?.op === 'ins' ? next.text : '' });
    }
  }
  return out;
}

/** 「旧」→「新」; +「新」; −「旧」: the first `max` edits, each side cut to `width` characters. */
export function bodyEditsLabel(edits: readonly BodyEdit[], L: { bodyMore: (n: number) => string } = { bodyMore: (n) => `… ${n} more` }, max = 2, width = 12): string {
  const short = (s: string) => (Array.from(s).length > width ? Array.from(s).slice(0, width - 1).join('') + '…' : s);
  const one = (e: BodyEdit) => (e.del && e.ins ? `「${short(e.del)}」→「${short(e.ins)}」` : e.del ? `−「${short(e.del)}」` : `+「${short(e.ins)}」`);
  const shown = edits.slice(0, max).map(one).join('; ');
  return edits.length > max ? `${shown}; ${L.bodyMore(edits.length - max)}` : shown;
}
