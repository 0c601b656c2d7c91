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
