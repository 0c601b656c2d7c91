// Parse: normalized paragraphs → Notice (GB/T 9704 elements, tasks, key list, warnings).
import type { Notice, NormalizedText, SourceText, Warning } from '../model.js';
import { parseMeta } from './meta.js';
import { findReferences } from './references.js';
import { findSkeleton, buildSections } from './structure.js';
import { parseTasks } from './tasks.js';
import { parseKeyList } from './keylist.js';

export { splitUnits } from './units.js';
export { extractDeadlines, parseDeadlineCell } from './deadlines.js';
export { findDocNumbers, normalizeDocNumber } from './docnumber.js';

export function parseNormalized(source: SourceText, norm: NormalizedText): Notice {
  const paras = norm.paragraphs;
  const warnings: Warning[] = [...source.warnings, ...norm.warnings];
  const sk = findSkeleton(paras);
  const { meta } = parseMeta(paras, sk.bodyStart);
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const references = findReferences(paras, sk.bodyStart, [meta.title, meta.planTitle]);
  const sections = buildSections(paras, sk.bodyStart, sk.bodyEnd);
  const { tasks, warnings: taskWarnings } = sk.main
    ? parseTasks(paras.slice(sk.main.start, sk.main.end), docYear)
    : { tasks: [], warnings: [] };
  const keyList = parseKeyList(paras, docYear);
  // a loop, not push(...): a hostile notice can carry more warnings than a call has arguments
  for (const w of taskWarnings) warnings.push(w);
  for (const w of keyList.warnings) warnings.push(w);

  if (!meta.docNumber) warnings.push({ code: 'no-doc-number', line: 0, message: 'no 发文字号 found (e.g. 浙政发〔2018〕16号)' });
  if (!meta.date) warnings.push({ code: 'no-date', line: 0, message: 'no 成文日期 found' });
  if (tasks.length === 0) {
    warnings.push({
      code: 'no-tasks',
      line: 0,
      message: sk.main ? `no numbered tasks found in part ${sk.main.part.heading.number}、${sk.main.part.heading.title}` : 'no main-task part (e.g. 二、主要任务) with numbered tasks found',
    });
  }
  const truncated = truncation(paras, sk);
  if (truncated) warnings.push(truncated);

  return {
    schema: 'plancmp.parse/1',
    source: { file: source.file, encoding: source.encoding, format: source.format, converted: norm.converted },
    meta,
    references,
    sections,
    mainPart: sk.main ? `${sk.main.part.heading.number}、${sk.main.part.heading.title}` : undefined,
    tasks,
    keyList: keyList.rows,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

/** A notice that stops inside its task list, with nothing after it (no later part, key list or footer). */
function truncation(paras: NormalizedText['paragraphs'], sk: ReturnType<typeof findSkeleton>): Warning | undefined {
  const last = paras[paras.length - 1];
  if (!last || !sk.main) return undefined;
  const mainIsLast = sk.main.part === sk.parts[sk.parts.length - 1] && sk.main.end >= paras.length;
  const unfinished = !/[。！？；）」”〕]$/.test(last.text) && !/^\|/.test(last.text);
  if (mainIsLast || (unfinished && sk.bodyEnd >= paras.length)) {
    return {
      code: 'truncated',
      line: last.line,
      message: `the document ends inside part ${sk.main.part.heading.number}、${sk.main.part.heading.title} with nothing after it: it looks truncated`,
    };
  }
  return undefined;
}
