// Build step (npm run build / prepare, after tsc): store the tables of the traditional → simplified
// conversion (t2s-tables.ts) in dist/normalize/t2s-tw2s.bin, once checked: the converter made from
// the stored file must give exactly what opencc-js's own Converter({ from: 'tw', to: 'cn' }) gives on
// SAMPLE and on every fixture's text (when the fixtures are there). A difference fails the build.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildT2sTables, decodeT2sTables, encodeT2sTables, openccVersion, requireOpenCC } from './t2s-tables.js';
import { converterFrom, SAMPLE, T2S_FILE, triggerSource } from './t2s.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The texts of the fixtures (.txt, .html under fixtures/), if the package has them. */
function fixtureTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureTexts(p));
    else if (/\.(txt|html?)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

function main(): void {
  rmSync(T2S_FILE, { force: true });
  const version = openccVersion();
  if (version === undefined) throw new Error('t2s: cannot read the version of opencc-js');
  const OpenCC = requireOpenCC();
  const tables = buildT2sTables(OpenCC, triggerSource);
  if (!tables) {
    // the conversion then uses opencc-js's own Converter at run time
    process.stderr.write(`t2s: opencc-js ${version} has a tw2s config of another shape: no stored tables\n`);
    return;
  }
  const bytes = encodeT2sTables(tables, version);
  const stored = decodeT2sTables(bytes, version);
  if (!stored) throw new Error('t2s: the stored tables do not read back');
  const { convert } = converterFrom(stored);
  const reference = OpenCC.Converter({ from: 'tw', to: 'cn' }) as (s: string) => string;
  const texts = [SAMPLE, ...fixtureTexts(path.join(ROOT, 'fixtures'))];
  for (const t of texts) {
    if (convert(t) !== reference(t)) throw new Error(`t2s: the stored tables convert differently from opencc-js ${version}: ${t.slice(0, 80)}`);
  }
  const tmp = `${T2S_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, T2S_FILE);
}

main();
