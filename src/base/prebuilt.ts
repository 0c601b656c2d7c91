// The embedded base is parsed at build time and stored next to the compiled code, so that
// `plancmp diff LOCAL` does not parse 16号 again on every call (~40 ms of its start-up).
// The stored parse is used only when it was made from the same text by the same code: its stamp
// holds a hash of the text and a hash of the contents of the compiled code the parse depends on.
// Contents, not modification times: `npm pack`, a global install or any copy that drops sub-second
// times keeps the stamp valid. Anything else (a stale or missing file, running from src/ under
// vitest) parses afresh.
// In the CLI bundle (dist/cli.cjs, src/dev/bundle.ts) the stamp was checked when the bundle was made,
// over the very code the bundle holds: it carries that stamp and the base text it is valid for, so a
// start only compares texts instead of hashing the compiled code (and loading node:crypto).
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Notice } from '../model.js';
import { adoptBase, storeBase, type StoredBase } from '../align/prepared.js';

/** Defined by the bundle's first lines when its stored base parse was current at bundling; undeclared elsewhere. */
declare const __PLANCMP_BUNDLED_BASE__: { stamp: string; text: string } | undefined;

const createHash = (algorithm: string) => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

const DIST = fileURLToPath(new URL('..', import.meta.url));
export const PREBUILT_FILE = path.join(DIST, 'base', 'zhezhengfa-2018-16.notice.json');

/** Compiled stages (folders, with their subfolders) and shared modules whose code the stored parse depends on (parse uses align/text.js to tie key-list rows to tasks). */
const STAGES = ['read', 'normalize', 'parse', 'align'];
const SHARED = ['pipeline.js', 'options.js', 'errors.js', 'model.js'];

/** The compiled .js files under `dir`, as paths relative to DIST, in a stable order. */
function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(DIST, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(rel));
    else if (e.name.endsWith('.js')) out.push(rel);
  }
  return out;
}

/** A hash of the contents of the compiled code the parse depends on (about 1 ms). */
function buildFingerprint(): string {
  const h = createHash('sha256');
  for (const rel of [...STAGES.flatMap(jsFiles), ...SHARED]) {
    h.update(`${rel}\0`);
    h.update(readFileSync(path.join(DIST, rel)));
  }
  return h.digest('hex');
}

export function stampFor(text: string): string {
  return `${createHash('sha256').update(text).digest('hex')}:${buildFingerprint()}`;
}

/**
 * The stamp a stored file made from `text` by today's code must carry. In the CLI bundle, for the text it
 * was made from, this is the stamp computed when it was made (no hashing); anywhere else stampFor(text).
 * Use it for anything else stored at build time with this stamp.
 */
export function currentStamp(text: string): string {
  const bundled = typeof __PLANCMP_BUNDLED_BASE__ === 'undefined' ? undefined : __PLANCMP_BUNDLED_BASE__;
  return bundled?.text === text ? bundled.stamp : stampFor(text);
}

/** The stored parse of `text`, if it is current; undefined otherwise (never throws). */
export function readPrebuilt(text: string): Notice | undefined {
  if (!import.meta.url.includes('/dist/')) return undefined;
  try {
    const stored = JSON.parse(readFileSync(PREBUILT_FILE, 'utf8')) as { stamp: string; notice: Notice; prepared?: StoredBase };
    if (stored.stamp !== currentStamp(text)) return undefined;
    // the diff's base-side work, stored with the parse (align/prepared.ts)
    if (stored.prepared) adoptBase(stored.notice.tasks, stored.notice.keyList, stored.prepared);
    return stored.notice;
  } catch {
    return undefined;
  }
}

export function writePrebuilt(text: string, notice: Notice): void {
  const tmp = `${PREBUILT_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ stamp: stampFor(text), notice, prepared: storeBase(notice.tasks, notice.keyList) }));
  renameSync(tmp, PREBUILT_FILE);
}
