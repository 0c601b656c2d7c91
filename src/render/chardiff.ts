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
