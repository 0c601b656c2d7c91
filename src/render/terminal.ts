// Text printed to a terminal must not drive it: a notice (or a file name) holding ESC[2J, an OSC
// title or hyperlink sequence, a bell or a C1 control would otherwise clear or recolour the
// analyst's screen. Text and Markdown output and one-line messages pass through these; JSON keeps
// such characters escaped as JSON does.

// C0 controls except \t and \n, DEL, C1 controls, and the bidi overrides/isolates that reorder a line
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The control character as a visible escape: ESC → \x1B, U+202E → \u202E. */
const visible = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Neutralises control characters (newlines and tabs kept): `\x1b[2J` prints as the text `\x1B[2J`. */
export function safeForTerminal(text: string): string {
  return text.replace(CONTROL, visible);
}

/** For one-line messages (file names in errors): newlines and tabs escaped too. */
export function oneLine(text: string): string {
  return safeForTerminal(text).replace(/\r?\n|\r/g, '\\n').replace(/\t/g, '\\t');
}

/**
 * A copy of `x` whose strings are safe for a terminal, for the text and Markdown renderers (which
 * add their own colour escapes afterwards). Shared objects stay shared (a link's task is the
 * task), so renderers that compare by identity keep working.
 */
export function terminalSafeCopy<T>(x: T, seen = new Map<object, unknown>()): T {
  if (typeof x === 'string') return safeForTerminal(x) as T;
  if (!x || typeof x !== 'object') return x;
  const hit = seen.get(x as object);
  if (hit) return hit as T;
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    seen.set(x, out);
    for (const v of x) out.push(terminalSafeCopy(v, seen));
    return out as T;
  }
  if (Object.getPrototypeOf(x) !== Object.prototype && Object.getPrototypeOf(x) !== null) return x; // Map, Date…: left as they are
  const out: Record<string, unknown> = {};
  seen.set(x as object, out);
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) out[k] = terminalSafeCopy(v, seen);
  return out as T;
}
