// What the check renderers read: one report per input file (the shape `plancmp check --format json` prints).
import type { Finding } from '../../check/rules.js';

export interface CheckFileReport {
  file: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

/** Renders a whole check run; `version` is plancmp's, for formats that name their tool. */
export type CheckRenderer = (reports: readonly CheckFileReport[], version: string) => string;
