// GB/T 9704 body headings: 一、 / （一） / 1. / （1） / ①. Returns the level, the marker as written and
// the heading split into a title (up to the first 。) and the rest of the paragraph.
import { HEADING_PATTERNS, type HeadingLevel } from '../vocabulary.js';

export type { HeadingLevel } from '../vocabulary.js';
export { chineseNumeral } from '../vocabulary.js';

export interface Heading {
  level: HeadingLevel;
  number: string;
  /** Ordinal value of the marker (一 → 1, 12 → 12). */
  value: number;
  title: string;
  body: string;
  /** Text after the marker (title + body). */
  rest: string;
  /** The marker as matched (二、 / （三） / 4. ), so offsets in the paragraph can be mapped. */
  marker: string;
}

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
  // a frame title run together with its text where the line break was lost (一、总体要求以习近平…为指导): the frame word is the title
  const frame = FRAME_RUN_ON.exec(rest);
  if (frame && (end < 0 || end > frame[1].length)) return { title: frame[1], body: rest.slice(frame[1].length).trim() };
  if (end < 0) return { title: rest.trim(), body: '' };
  return { title: rest.slice(0, end).trim(), body: rest.slice(end + 1).trim() };
}
/** 总体要求 / 指导思想 / 基本原则 / 工作目标 … followed at once by the words of a sentence (以, 坚持, 到, 全面). */
const FRAME_RUN_ON = /^(总体要求|指导思想|基本原则|工作原则|总体目标|主要目标|工作目标)(?=以|坚持|到20|全面|深入|围绕|按照|紧紧)/;

export function parseHeading(text: string): Heading | undefined {
  for (const p of HEADING_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const value = p.value(m[1]);
    if (!Number.isFinite(value)) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest.length === 0 && (p.level === 'item' || p.level === 'circled')) continue;
    const { title, body } = splitTitle(rest);
    return { level: p.level, number: m[1], value, title, body, rest, marker: m[0] };
  }
  return undefined;
}

/**
 * "11.121人才梯队项目": an item whose text starts with a digit looks like a decimal (1.5倍). It is read
 * as item N only when the previous item was N−1.
 */
export function parseItemAfter(text: string, previous: number): Heading | undefined {
  const m = /^(\d{1,3})[.](?=\d)/.exec(text);
  if (!m || Number(m[1]) !== previous + 1) return undefined;
  const rest = text.slice(m[0].length).trim();
  const { title, body } = splitTitle(rest);
  return { level: 'item', number: m[1], value: Number(m[1]), title, body, rest, marker: m[0] };
}
