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

/**
 * Where the README is read on the web: package.json's homepage when it has one, else the package's
 * page on the npm registry, which shows the README (SARIF rules link into it).
 */
export function readmeUrl(): string {
  try {
    const home = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).homepage;
    if (typeof home === 'string' && /^https?:\/\//.test(home)) return home.replace(/#.*$/, '');
  } catch {
    // no package.json beside the code: the registry page
  }
  return 'https://www.npmjs.com/package/plancmp';
}
