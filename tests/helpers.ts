import { expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../src/pipeline.js';
import type { Notice } from '../src/model.js';

export const FX = {
  zhoushan: 'fixtures/000_5b73fe2b8637f3d3.txt',
  huzhou: 'fixtures/001_2a7fecd8e03c454a.txt',
  province: 'fixtures/002_2cdac00586eece9b.txt',
  xinchang: 'fixtures/003_921a6ce2908064d7.txt',
  heihe: 'fixtures/004_0ece2a694517dc78.txt',
} as const;

const cache = new Map<string, Promise<Notice>>();
/** Parse a fixture once per test file. */
export function fixture(name: keyof typeof FX): Promise<Notice> {
  const f = FX[name];
  if (!cache.has(f)) cache.set(f, parseFile(f));
  return cache.get(f)!;
}

export const task = (n: Notice, id: string) => {
  const t = n.tasks.find((x) => x.id === id);
  expect(t, `${n.source.file} has no task ${id} (ids: ${n.tasks.map((x) => x.id).join(' ')})`).toBeDefined();
  return t!;
};

import { Readable, Writable } from 'node:stream';
import { execute } from '../src/cli/main.js';

/** Run the CLI in-process, as `plancmp ARGS` would, collecting what it writes. */
export async function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (c, _e, cb) => ((out += c), cb()) });
  const stderr = new Writable({ write: (c, _e, cb) => ((err += c), cb()) });
  const stdin = Readable.from(opts.stdin ? [opts.stdin] : []);
  const code = await execute(args, { stdout, stderr, stdin, env: opts.env ?? { NO_COLOR: '1' } });
  return { code, out, err };
}

/** Every file under dir, relative, '/'-separated, sorted. */
export function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...tree(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/** The text fixtures (fixtures/*.txt), absolute, sorted. */
export const FIXTURE_FILES = readdirSync(path.resolve('fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.resolve('fixtures', f));

/** The first bytes of a PNG: a file plancmp must refuse as not a notice. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

/** A minimal PDF whose /Encrypt dictionary wants a user password ("" does not open it); reading it loads pdfjs-dist. */
export function encryptedPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'a5'.repeat(32)}> /U <${'5a'.repeat(32)}> >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The text of every .txt/.htm/.html file below `dir` (UTF-8), for equivalence tests over the fixtures. */
export function textsBelow(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...textsBelow(p));
    else if (/\.(txt|html?)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** Whether a command-line tool the test needs is installed (`cmd --version` runs). */
export const hasTool = (cmd: string, arg = '--version') => {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
