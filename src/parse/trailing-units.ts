// A task ends with its responsibility units in a bracket: （责任单位：市府办、市法制办，市政府各部门）,
// or a bare bracket of unit names as in the provincial plan's first project.
import { looksLikeUnitList } from './units.js';
import { parseUnitFields, type UnitFields } from './unit-fields.js';

const OPENERS = '（(〔〈<［[【';
const CLOSERS = '）)〕〉>］]】';

/** Start index of the balanced bracket that closes the text, or -1. Linear scan from the end. */
function trailingBracketStart(text: string): number {
  if (!CLOSERS.includes(text[text.length - 1] ?? '')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (CLOSERS.includes(c)) depth++;
    else if (OPENERS.includes(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export interface TrailingUnits {
  text: string;
  /** The fields of the closing bracket, when it is a unit bracket. */
  fields?: UnitFields;
}

/** Split "task text（责任单位：…）" into the text and what its bracket names. */
export function takeTrailingUnits(full: string): TrailingUnits {
  const trimmed = full.replace(/[。；\s]+$/, '');
  const start = trailingBracketStart(trimmed);
  if (start > 0) {
    const inner = trimmed.slice(start + 1, -1);
    if (looksLikeUnitList(inner)) return { text: trimmed.slice(0, start).trim(), fields: parseUnitFields(inner) };
  }
  return { text: full.trim() };
}
