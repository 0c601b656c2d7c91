// The embedded base is parsed at build time and stored next to the compiled code, so that
// `plancmp diff LOCAL` does not parse 16号 again on every call (~40 ms of its start-up).
// The stored parse is used only when it was made from the same text by the same build: its stamp
// holds a hash of the text and the modification times of the compiled parser, which every build
// rewrites. Anything else (a stale or missing file, running from src/ under vitest) parses afresh.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Notice } from '../model.js';

const DIST = fileURLToPath(new URL('..', import.meta.url));
export const PREBUILT_FILE = path.join(DIST, 'base', 'zhezhengfa-2018-16.notice.json');

/** Compiled stages whose output the stored parse depends on. */
const STAGES = ['read', 'normalize', 'parse'];

function buildFingerprint(): string {
  const h = createHash('sha256');
  for (const stage of STAGES) {
    const dir = path.join(DIST, stage);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.js')) h.update(`${stage}/${f}:${statSync(path.join(dir, f)).mtimeMs}\n`);
  }
  return h.digest('hex');
}

export function stampFor(text: string): string {
  return `${createHash('sha256').update(text).digest('hex')}:${buildFingerprint()}`;
}

/** The stored parse of `text`, if it is current; undefined otherwise (never throws). */
export function readPrebuilt(text: string): Notice | undefined {
  if (!import.meta.url.includes('/dist/')) return undefined;
  try {
    const stored = JSON.parse(readFileSync(PREBUILT_FILE, 'utf8')) as { stamp: string; notice: Notice };
    return stored.stamp === stampFor(text) ? stored.notice : undefined;
  } catch {
    return undefined;
  }
}

export function writePrebuilt(text: string, notice: Notice): void {
  const tmp = `${PREBUILT_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ stamp: stampFor(text), notice }));
  renameSync(tmp, PREBUILT_FILE);
}
