// plancmp library API. The CLI is a thin shell over these functions:
//   const base = loadBase();                       // the embedded 浙政发〔2018〕16号
//   const local = await parseFile('zhoushan.txt'); // Notice
//   const diff = diffNotices(base, local);         // PlanDiff
export type * from './model.js';
export { PlancmpError, isPlancmpError } from './errors.js';
export { parseFile, parseText, parseBytes, parseSource, loadBase, BASE_FILE, type ParseOptions } from './pipeline.js';
export { runFile, runBytes, describeMessage, fatalOf, failed, type FileResult, type FileMessage, type RunOptions } from './result.js';
export { readSource, readBytes, sourceFromBytes, INPUT_KINDS } from './read/index.js';
export { normalize } from './normalize/index.js';
export { parseNormalized } from './parse/index.js';
export { splitUnits, extractDeadlines, parseDeadlineCell, findDocNumbers } from './parse/index.js';
export { alignTasks, type PairRules } from './align/tasks.js';
export { DEFAULT_DIFF_OPTIONS, resolveDiffOptions, type DiffThresholds, type AlignOptions, type OverlapOptions, type KeyListOptions, type DeadlineOptions, type FamilyOptions, type ParentageOptions } from './options.js';
export { diffNotices, loadPairs, parsePairs, type DiffOptions } from './diff/index.js';
export { scoreDiff, type GoldFile, type Score } from './eval/score.js';
/** The command line, in-process (see cli/main.ts); its modules (commander, every command) load on the first call, not with the library. */
export const execute: typeof import('./cli/main.js').execute = async (...args) => (await import('./cli/main.js')).execute(...args);
