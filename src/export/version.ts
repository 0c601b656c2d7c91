// What an export record says about the code that produced it; --resume compares these.
import { readFileSync } from 'node:fs';

let version: string | undefined;
/** plancmp's package version (read from package.json, which sits two levels above src/export and dist/export). */
export function plancmpVersion(): string {
  if (version) return version;
  try {
    version = String(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version ?? 'unknown');
  } catch {
    version = 'unknown';
  }
  return version;
}

export const PARSE_SCHEMA = 'plancmp.parse/1';
export const DIFF_SCHEMA = 'plancmp.diff/1';
