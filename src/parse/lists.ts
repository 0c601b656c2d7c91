// Empty lists that share the array shape of non-empty lists of objects. V8 gives an array literal `[]`
// that stays empty (and the result of mapping an empty array) its small-integer elements kind, while a
// list of objects has the generic kind: two array maps. A function optimized on lists of objects then
// deoptimizes ("wrong map") the first time it meets a shared empty constant, and V8 compiles it again.
// An array that once held an object keeps the generic kind after it is emptied.

/** A new empty array with the elements kind of a list of objects (same map as a non-empty one). */
export function emptyList<T>(): T[] {
  const a: unknown[] = [undefined];
  a.pop();
  return a as T[];
}

/**
 * `a.map(f)` with one array shape in every tier. Array.prototype.map run by the interpreter returns a
 * packed array, but once TurboFan inlines it into an optimized caller it returns a holey one (it
 * allocates the full length first): a function optimized on the first kind deoptimizes ("wrong map")
 * on the second. Pushing onto a literal gives a packed array either way.
 */
export function mapList<T, U>(a: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < a.length; i++) out.push(f(a[i], i));
  return out;
}

/** `parts.map((p) => p.trim()).filter(Boolean)` in one loop onto a literal (one array shape, no list between). */
export function trimmedParts(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i].trim();
    if (t) out.push(t);
  }
  return out;
}
