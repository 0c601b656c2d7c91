// The one table of `plancmp check --format` renderers beyond text and json (which the check command
// renders itself). A new format is one file in this folder and one line here.
import type { CheckRenderer } from './types.js';
import { renderCheckGithub } from './github.js';
import { renderCheckSarif } from './sarif.js';
import { renderCheckJunit } from './junit.js';

export type { CheckFileReport, CheckRenderer } from './types.js';

export const CHECK_FORMATS = {
  github: renderCheckGithub,
  sarif: renderCheckSarif,
  junit: renderCheckJunit,
} as const satisfies Record<string, CheckRenderer>;

export type CheckExtraFormat = keyof typeof CHECK_FORMATS;

export function isCheckExtraFormat(f: string): f is CheckExtraFormat {
  return Object.prototype.hasOwnProperty.call(CHECK_FORMATS, f);
}
