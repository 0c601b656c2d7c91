// GB/T 9704 body headings: 一、 / （一） / 1. / （1）. Returns the level, the marker as written and
// the heading split into a title (up to the first 。) and the rest of the paragraph.
export type HeadingLevel = 'part' | 'project' | 'item' | 'subitem';

export interface Heading {
  level: HeadingLevel;
  number: string;
  /** Ordinal value of the marker (一 → 1, 12 → 12). */
  value: number;
  title: string;
  body: string;
  /** Text after the marker (title + body). */
  rest: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseNumeral(s: string): number {
  // 一 … 九十九, enough for heading markers
  if (s === '十') return 10;
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10 + (CN_DIGITS[s[2]] ?? NaN);
  return NaN;
}

const PATTERNS: { level: HeadingLevel; re: RegExp; cn: boolean }[] = [
  { level: 'part', re: /^([一二三四五六七八九十]{1,3})[、.]/, cn: true },
  { level: 'project', re: /^（([一二三四五六七八九十]{1,3})）[、.]?/, cn: true },
  { level: 'item', re: /^(\d{1,3})(?:[.、](?!\d)|\s)/, cn: false },
  { level: 'subitem', re: /^（(\d{1,3})）/, cn: false },
];

/** Split heading text into title and body: the title runs to the first 。 (or an early ：, or a damaged ?? run). */
export function splitTitle(rest: string): { title: string; body: string } {
  let end = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '。' || c === '！' || c === '？') {
      end = i;
      break;
    }
    // mojibake such as 工作??茖W編制 swallowed the 。 — the title cannot run through it
    if (c === '?' && rest[i + 1] === '?') {
      end = i;
      break;
    }
  }
  // "1.加强政治建设：以…" — a colon close to the start ends the title as a 。 would
  const colon = rest.indexOf('：');
  if (colon > 0 && colon <= 40 && (end < 0 || colon < end)) end = colon;
  if (end < 0) return { title: rest.trim(), body: '' };
  return { title: rest.slice(0, end).trim(), body: rest.slice(end + 1).trim() };
}

export function parseHeading(text: string): Heading | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const value = p.cn ? chineseNumeral(m[1]) : Number(m[1]);
    if (!Number.isFinite(value)) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest.length === 0 && p.level === 'item') continue;
    const { title, body } = splitTitle(rest);
    return { level: p.level, number: m[1], value, title, body, rest };
  }
  return undefined;
}
