// plancmp check: a parsed Notice → lint findings. The parser already says what it noticed (warnings
// with codes); this module decides which of those are problems, how bad they are, and adds the
// checks the parser has no reason to make (unbalanced brackets in a task).
import type { Notice, Task, Warning, WarningCode } from '../model.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  /**
   * 1-based line in the original input; a finding about the whole document (no 发文字号) is put on
   * line 1, where editors and CI annotations can show it. 0 only for a file that could not be read.
   */
  line: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface RuleSpec {
  rule: string;
  severity: Severity;
}

/**
 * The one table from warning codes to check rules: every WarningCode has a row (the compiler says
 * when a new code lacks one). `null` means informational: the pipeline repaired or reported something
 * that is not a defect of the notice, so check stays quiet. A code unknown at run time (a notice
 * parsed by another version) is still reported, as a warning under its own code.
 */
export const WARNING_RULES: Readonly<Record<WarningCode, RuleSpec | null>> = {
  'no-doc-number': { rule: 'missing-doc-number', severity: 'warning' },
  'no-date': { rule: 'missing-date', severity: 'warning' },
  'no-tasks': { rule: 'no-tasks', severity: 'error' },
  // a 批复, 条例, 通报 … has no tasks by its nature: not a defect of the notice
  'not-a-plan': null,
  truncated: { rule: 'truncated', severity: 'error' },
  // the rule has the parser's name for it (it was task-without-units; --rule still takes that name)
  'no-units': { rule: 'no-units', severity: 'warning' },
  // Gaps, repeats and restarts inside a project. Continuous numbering across projects is a house
  // style, which the parser already accepts without a warning.
  'numbering-gap': { rule: 'numbering', severity: 'warning' },
  'numbering-repeat': { rule: 'numbering', severity: 'warning' },
  'numbering-restart': { rule: 'numbering', severity: 'warning' },
  // Key-list 序号 that repeat or jump, and a row count that disagrees with the last 序号.
  'keylist-numbering': { rule: 'keylist-count', severity: 'warning' },
  'keylist-count': { rule: 'keylist-count', severity: 'warning' },
  'keylist-no-deadline': { rule: 'keylist-no-deadline', severity: 'warning' },
  mojibake: { rule: 'mojibake', severity: 'error' },
  // U+FFFD, produced while decoding (read) or found in the text (normalize)
  'replacement-char': { rule: 'mojibake', severity: 'error' },
  'page-furniture': { rule: 'page-furniture', severity: 'warning' },
  'charset-mismatch': { rule: 'charset-mismatch', severity: 'warning' },
  'html-deep-nesting': { rule: 'html-deep-nesting', severity: 'warning' },
  'html-many-attributes': { rule: 'html-many-attributes', severity: 'warning' },
  // never on a parsed notice: the pipeline refuses such a page
  'html-no-notice': null,
  // PDF pages without a text layer (skipped), and text read by OCR: worth a look, not a defect
  'pdf-image-pages': { rule: 'pdf-image-pages', severity: 'warning' },
  ocr: { rule: 'ocr', severity: 'warning' },
  'bom-mismatch': { rule: 'bom-mismatch', severity: 'warning' },
  'too-many-units': { rule: 'too-many-units', severity: 'warning' },
  'too-many-deadlines': { rule: 'too-many-deadlines', severity: 'warning' },
  // a diff warning (the local plan cites another parent), never on a parsed notice
  'other-parent': null,
  // informational: the text was repaired and nothing was lost
  'pinyin-annotations': null,
};

/** Every rule check can report (besides pass-through codes the table does not know). */
export const RULES: readonly string[] = [
  ...new Set([...Object.values(WARNING_RULES).flatMap((s) => (s ? [s.rule] : [])), 'unbalanced-brackets']),
];

export function findingFromWarning(file: string, w: Warning): Finding | undefined {
  const spec = Object.prototype.hasOwnProperty.call(WARNING_RULES, w.code) ? WARNING_RULES[w.code as WarningCode] : { rule: w.code, severity: 'warning' as const };
  if (!spec) return undefined;
  return { file, line: Math.max(1, w.line), rule: spec.rule, severity: spec.severity, message: w.message };
}

const OPEN: Readonly<Record<string, string>> = { '（': '）', '(': '）', '〔': '〕' };
const CLOSE: Readonly<Record<string, string>> = { '）': '）', ')': '）', '〕': '〕' };

/** The first unbalanced bracket in `s`, described for a reader; undefined when （）〔〕 balance. */
export function unbalancedBracket(s: string): string | undefined {
  const stack: { ch: string; at: number }[] = [];
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (OPEN[c]) stack.push({ ch: c, at: i });
    else if (CLOSE[c]) {
      const top = stack.pop();
      if (!top) return `“${c}” without an opening bracket near “${around(chars, i)}”`;
      if (OPEN[top.ch] !== CLOSE[c]) return `“${top.ch}” closed by “${c}” near “${around(chars, i)}”`;
    }
  }
  const left = stack.pop();
  return left ? `“${left.ch}” is never closed near “${around(chars, left.at)}”` : undefined;
}

function around(chars: string[], i: number): string {
  return chars.slice(Math.max(0, i - 8), i + 9).join('');
}

/** A task whose text or unit list has brackets that do not pair up (often a cut or a mistyped 〔）). */
export function bracketFindings(file: string, t: Task): Finding[] {
  const out: Finding[] = [];
  const inText = unbalancedBracket(t.text);
  if (inText) out.push({ file, line: t.line, rule: 'unbalanced-brackets', severity: 'warning', message: `task ${t.id} (${t.title}): ${inText}` });
  for (const u of t.units) {
    const inUnit = unbalancedBracket(u);
    if (inUnit) out.push({ file, line: t.line, rule: 'unbalanced-brackets', severity: 'warning', message: `task ${t.id} (${t.title}) unit “${u}”: ${inUnit}` });
  }
  return out;
}

/** All findings for one notice, in line order (whole-document findings, on line 1, first). */
export function checkNotice(n: Notice, file = n.source.file): Finding[] {
  const out: Finding[] = [];
  for (const w of n.warnings) {
    const f = findingFromWarning(file, w);
    if (f) out.push(f);
  }
  for (const t of n.tasks) out.push(...bracketFindings(file, t));
  // stable sort: equal lines keep the parser's order
  return out.sort((a, b) => a.line - b.line);
}

export function countFindings(fs: readonly Finding[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of fs) {
    if (f.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { errorCount, warningCount };
}
