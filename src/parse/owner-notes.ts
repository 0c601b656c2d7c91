// Owner notes: the brackets that say who carries out a task. They close a task
// （责任单位：…）, sit inline after each sentence run （生态环境部牵头，国家统计局参与）, carry rules
// （…等负责。列第一位者为牵头单位，下同） or put a unit on every later task
// （…以下均需试点城市政府落实，不再列出）. A bracket that merely mentions 负责 in a sentence is not one.
import { FIRST_IS_LEAD, IMPLIED_OWNER, UNIT_END, UNIT_START } from '../vocabulary.js';
import { parseUnitFields, type UnitFields } from './unit-fields.js';
import { looksLikeUnitList, splitUnits, stripUnitLabel } from './units.js';
import { emptyList } from './lists.js';

export interface FoundNote {
  /** The note as written, brackets included. */
  text: string;
  /** Offsets of the bracket in the paragraph (end exclusive). */
  start: number;
  end: number;
  fields: UnitFields;
  /** The note states that the first unit of this and every later note leads. */
  firstIsLead: boolean;
  /** Units the note puts on every later task without writing them. */
  implied: string[];
  /** Nothing but 。；， follows the bracket in its paragraph. */
  trailing: boolean;
}

// （ ( and ） ) as char codes: this scan runs over every body paragraph
const OPEN_FULL = 0xff08;
const OPEN_ASCII = 0x28;
const CLOSE_FULL = 0xff09;
const CLOSE_ASCII = 0x29;
// 〔牵头单位：…〕 and 【责任单位：…】: offices write notes in these too (a 〔2021〕 of a 文号 inside the
// text is a bracket like any aside: it names no role, and is read past)
const OPEN_TORTOISE = 0x3014;
const CLOSE_TORTOISE = 0x3015;
const OPEN_LENTICULAR = 0x3010;
const CLOSE_LENTICULAR = 0x3011;
const MAX_NOTE = 600;
/** An owner note names at least one unit: shorter brackets （一） （1） are markers and asides. */
const MIN_INNER = 3;
// words that open a clause, never a unit name (应急管理部 and 对外… do exist, so 应/对 alone are no sign)
const NOT_A_UNIT = /^(由|要|将|须|需|并|具体|及时|依法|按照|根据|通过|把|应当|应该|对于)|[，。；：！？“”]/;
const COLLECTIVE = /^(有关|相关|其他|各)/;

/** Top-level bracket spans of a paragraph, in one linear pass. */
function bracketSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_FULL || c === OPEN_ASCII || c === OPEN_TORTOISE || c === OPEN_LENTICULAR) {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === CLOSE_FULL || c === CLOSE_ASCII || c === CLOSE_TORTOISE || c === CLOSE_LENTICULAR) && depth > 0) {
      depth--;
      if (depth === 0 && i - start <= MAX_NOTE && i - start > MIN_INNER) out.push({ start, end: i + 1 });
    }
  }
  return out;
}

function unitShaped(units: string[]): boolean {
  if (units.length === 0) return false;
  let ok = 0;
  for (const u of units) {
    if (u.length < 2 || u.length > 30 || NOT_A_UNIT.test(u)) return false;
    if (UNIT_END.test(u) || UNIT_START.test(u) || COLLECTIVE.test(u)) ok++;
  }
  return ok / units.length >= 0.6;
}

/** Read one bracket's inner text as an owner note, or undefined when it is something else. */
// a note names a role or a field somewhere; a bracket with neither is an aside (only a closing one
// may be a bare unit list) — checked first, as most brackets in a body are asides
const ROLE_OR_FIELD = /负责|牵头|参与|配合|协同|协助|协办|指导|落实|主责|单位|部门|时限|时间|以下|第一/;

/** （以下简称市发展改革委）, （以下统称省级中小企业主管部门）: a short name given to what comes before, no note. */
const SHORT_NAME = /^(?:以下|下文)?(?:简称|统称|合称|称)/;

// （由区人力社保局负责） / （由市科技局牵头，市财政局配合）: the same note opened by 由
const BY = /^由(?=[^，。；]{2,40}?(?:负责|牵头))/;

/** Words for “the local governments” an implied-owner note may use instead of naming them. */
const LOCAL_WORD = /^(?:地方|地方政府|各地|属地|地方各级政府)$/;
const GOVERNMENT = /政府〕?$/;

export function readOwnerNote(inner: string, trailing: boolean): Omit<FoundNote, 'text' | 'start' | 'end' | 'trailing'> | undefined {
  if ((!trailing && !ROLE_OR_FIELD.test(inner)) || SHORT_NAME.test(inner)) return undefined;
  inner = inner.replace(BY, '');
  const firstIsLead = FIRST_IS_LEAD.test(inner);
  const implied: string[] = [];
  const sentences: string[] = [];
  for (let s of inner.split('。')) {
    if (!s.trim()) continue;
    const m = IMPLIED_OWNER.exec(s);
    if (m) {
      for (const u of splitUnits(m[1] ?? m[2])) implied.push(u);
      // the rest of the sentence may name this task's own units (市数据局，…，以下均涉及各县区，不再重复列出)
      s = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/[，,；;\s]+$/, '');
      if (!s.trim()) continue;
    }
    const rest = s.replace(FIRST_IS_LEAD, '').replace(/[，,；;]?\s*下同\s*$/, '').replace(/[，,；;\s]+$/, '');
    if (rest.trim()) sentences.push(rest);
  }
  const owner = sentences.join('。');
  const fields = parseUnitFields(owner);
  // 以下均需地方落实 points back at the governments the note has just named (…，各市、县（市、区）人民政府，
  // 以下均需地方落实不再重复列出): those are the units every later task carries
  if (implied.length === 1 && LOCAL_WORD.test(implied[0])) {
    const governments = fields.units.filter((u) => GOVERNMENT.test(u));
    if (governments.length) implied.splice(0, 1, ...governments);
  }
  const none = !owner.trim();
  if (none && (implied.length > 0 || firstIsLead)) return { fields, firstIsLead, implied };
  if (fields.labelled) return fields.units.length || fields.time ? { fields, firstIsLead, implied } : undefined;
  if (sentences.length > 1) return undefined;
  // a bracket closing its paragraph that says only when (（年内持续推进）, （2021年底前）): the
  // paragraph's time field, as a 完成时限 cell is a row's
  if (trailing && !fields.units.length && fields.time && fields.time === owner.trim() && !fields.roleClauses && !fields.otherClauses) return { fields, firstIsLead, implied };
  if (fields.roleClauses > 0 && unitShaped(fields.units)) return { fields, firstIsLead, implied };
  // a bare list of units closing a task: （各市、县〔市、区〕政府党组，省政府各部门党委〔党组〕）
  if (trailing && fields.roleClauses === 0 && looksLikeUnitList(owner)) return { fields, firstIsLead, implied };
  return undefined;
}

const NONE: FoundNote[] = emptyList();
const CLOSING = new Set([0x3002, 0xff1b, 0x3b, 0xff0c, 0x2c, 0x20, 0x3000, 0x09]);

/** Nothing but 。；， and spaces from `i` to the end (no substring is made: this runs per bracket). */
function onlyPunctuationFrom(text: string, i: number): boolean {
  for (let k = i; k < text.length; k++) if (!CLOSING.has(text.charCodeAt(k))) return false;
  return true;
}

/**
 * An owner note written as a sentence of its own, not a bracket: “由市科技和经信局牵头，市财政局、
 * 市税务局配合。” closing a run or a paragraph. Only a sentence that opens with 由 and names a lead.
 */
// (a sentence about this one measure may lead in: 此项工作长期坚持，由A牵头，B配合。)
// (the sentence may close with the measure's time, its time field: 由A牵头，B配合，长期坚持。 / …，2013年9月30日前完成。)
const NOTE_TIME = '(?:[，,](?:[^。；，,]{2,16}?前完成|[^。；，,]{2,12}?底前|长期坚持|持续推进|长期推进|常态化推进))?';
const SENTENCE_NOTE = new RegExp(`(?:^|[。；])\\s*(?:(?:此项|该项|本项|上述|以上)(?:工作|任务)[^。；，,]{0,12}[，,])?(由([^。；]{2,60}?牵头(?:[，,、][^。；]{2,120}?(?:配合|参与|协同|协助|负责落实|具体落实))*${NOTE_TIME}))[。；]?`, 'g');

/** Whether a note is an owner sentence (由A牵头，B配合), not a bracket. */
export const isSentenceNote = (n: FoundNote): boolean => !/^[（(]/.test(n.text);

/** A paragraph closed by 由A负责落实。 (no 牵头: the bodies named carry it out alone); only as its last sentence. */
const CLOSING_DUTY = new RegExp(`(?:^|[。；])\\s*(由([^。；，,]{2,40}?负责(?:落实|实施)?${NOTE_TIME}))[。；]?\\s*$`, 'g');

function sentenceNotes(text: string): FoundNote[] {
  let out: FoundNote[] = NONE;
  // notes naming a lead (由A牵头，B配合) anywhere, then a closing 由A负责落实 not inside one of them
  for (const pattern of text.includes('牵头') ? [SENTENCE_NOTE, CLOSING_DUTY] : [CLOSING_DUTY]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index + m[0].indexOf(m[1]);
      const end = m.index + m[0].length;
      if (out.some((n) => start < n.end && end > n.start)) continue;
      const note = readOwnerNote(m[2], false);
      if (!note || !note.fields.units.length) continue;
      if (out === NONE) out = [];
      out.push({ text: text.slice(start, end), start, end, fields: note.fields, firstIsLead: note.firstIsLead, implied: note.implied, trailing: onlyPunctuationFrom(text, end) });
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

export function findOwnerNotes(text: string): FoundNote[] {
  // cheap pre-check: a paragraph with no bracket holds no note (and shares one empty list)
  if (!/[（(〔【]/.test(text)) return text.includes('由') && (text.includes('牵头') || text.includes('负责')) ? sentenceNotes(text) : NONE;
  let out: FoundNote[] = NONE;
  for (const { start, end } of bracketSpans(text)) {
    const trailing = onlyPunctuationFrom(text, end);
    const note = readOwnerNote(text.slice(start + 1, end - 1), trailing);
    if (!note) continue;
    if (out === NONE) out = [];
    // the fields in the order unitLine writes them: one shape for every found note
    out.push({ text: text.slice(start, end), start, end, fields: note.fields, firstIsLead: note.firstIsLead, implied: note.implied, trailing });
  }
  // no bracket note: an owner sentence (由A牵头，B配合。) may close the runs instead
  if (out === NONE && text.includes('由') && (text.includes('牵头') || text.includes('负责'))) return sentenceNotes(text);
  return out;
}

/** A paragraph that is only a unit field line: 牵头单位：市政府法制办 / （责任单位：…）. */
export function unitLine(text: string): FoundNote | undefined {
  const inner = text.replace(/^[（(〔【](.*)[）)〕】][。；]?$/, '$1');
  if (!stripUnitLabel(inner).label) return undefined;
  const fields = parseUnitFields(inner);
  if (!fields.labelled || fields.units.length === 0) return undefined;
  return { text, start: 0, end: text.length, fields, firstIsLead: false, implied: [], trailing: true };
}
