// plancmp's version has one source: package.json (which sits one level above src/ and dist/).
import { readFileSync } from 'node:fs';

let version: string | undefined;
export function plancmpVersion(): string {
  if (version) return version;
  try {
    version = String(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? 'unknown');
  } catch {
    version = 'unknown';
  }
  return version;
}
