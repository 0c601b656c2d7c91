// plancmp check's renderers; the table of check formats is in ../formats.ts with the other commands'.
export type { CheckFileReport, CheckRenderer } from './types.js';
export { renderCheckGithub } from './github.js';
export { renderCheckSarif } from './sarif.js';
export { renderCheckJunit } from './junit.js';
export { renderFindings } from './text.js';
