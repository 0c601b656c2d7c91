// Output names for --out: derived from the input path, and unable to leave the output directory.
// A file found under a directory argument is named by its path relative to that directory
// (corpus/ → site/a.html → site/a.html.json), a glob match relative to the pattern's literal
// part, a file given by name (or listed on standard input) by its path as given:
//
//   fixtures/000.txt          → fixtures/000.txt.json
//   ../../x.txt               → x.txt.json            (`..` and `.` segments are dropped)
//   /data/site/a.html         → data/site/a.html.json (a root or drive letter is dropped)
//   x.txt after ../x.txt      → x.txt~1a2b3c4d.json   (a name already taken gets a hash of the input path)
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PlancmpError } from '../errors.js';

const MAX_SEGMENT_BYTES = 200;
const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*]/g;

const hash8 = (s: string, n = 8) => createHash('sha256').update(s).digest('hex').slice(0, n);

function safeSegment(seg: string): string {
  let s = seg.replace(UNSAFE, '_').replace(/[. ]+$/, (m) => m.replace(/./g, '_'));
  if (s.startsWith('.')) s = `_${s}`; // no hidden outputs (and nothing that looks like a temp file)
  if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) {
    const h = hash8(seg);
    while (Buffer.byteLength(s) > MAX_SEGMENT_BYTES - 9) s = s.slice(0, -1);
    s = `${s}~${h}`;
  }
  return s;
}

/** The name an input would get, before collisions are resolved ('/'-separated, ends in .json). */
export function baseOutputName(input: string): string {
  const segs = input
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map(safeSegment);
  if (segs.length === 0) segs.push('input');
  return `${segs.join('/')}.json`;
}

/** Hands out unique output names in input order; the same input list always gets the same names. */
export class OutputNamer {
  private files = new Set<string>();
  private dirs = new Set<string>();
  private readonly root: string;

  constructor(outDir: string) {
    this.root = path.resolve(outDir);
  }

  private free(name: string): boolean {
    const key = name.toLowerCase(); // case-insensitive file systems
    if (this.files.has(key) || this.dirs.has(key)) return false;
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) if (this.files.has(parts.slice(0, i).join('/'))) return false;
    return true;
  }

  private take(name: string): void {
    const key = name.toLowerCase();
    this.files.add(key);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }

  /**
   * A unique relative name derived from `from` (by default the input path); a name already taken
   * gets a hash of the input path. Throws if (impossibly) it would resolve outside the directory.
   */
  name(from: string, input = from): string {
    const base = baseOutputName(from);
    let name = base;
    for (let n = 8; !this.free(name); n += 8) {
      name = `${base.slice(0, -'.json'.length)}~${hash8(input + (n > 8 ? `#${n}` : ''), Math.min(n, 64))}.json`;
    }
    this.take(name);
    this.resolve(name);
    return name;
  }

  /** Absolute path of a relative output name, checked to lie inside the output directory. */
  resolve(name: string): string {
    const full = path.resolve(this.root, name);
    if (!full.startsWith(this.root + path.sep)) {
      throw new PlancmpError('unsafe-name', `output name ${name} would leave the output directory`, name);
    }
    return full;
  }
}
