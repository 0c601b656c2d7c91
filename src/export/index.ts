// plancmp export: batch export of notices to JSON files or JSONL (see README, "plancmp export").
export { discoverInputs, parseExtList, type DiscoverOptions, type Discovered } from '../read/discover.js';
export { isGlob, globRoot, globToRegExp } from '../read/glob.js';
export { OutputNamer, baseOutputName } from './naming.js';
export { removeStaleTemps } from './atomic.js';
export { writeOutputSync, writeOutputSync as writeFileAtomic, isTempName, OutputSink } from '../write/atomic.js';
export { exportNotices, describeSummary, type ExportOptions, type ExportSummary } from './run.js';
export { checkOptions, defaultJobs, jobsFor, TEXT_INPUTS_PER_WORKER, type ExportCliOptions, type CheckedOptions } from './options.js';
export type { ExportHeader, Fingerprint } from './record.js';
