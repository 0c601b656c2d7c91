// OCR leaves nothing behind and stays bounded (issue 26): the page image's resolution follows the
// page size, and a signal, a timeout or a crash of the reader removes $TMPDIR/plancmp-ocr-* and ends
// pdftoppm/tesseract. Stand-ins for the two tools (small node scripts on PATH) record what they were
// asked and can hang, so this runs without Tesseract installed.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { garbledPdf, pdf } from './hostile.js';

const OUT = resolve('test-output/ocr-bounds');
const BIN = resolve('bin/plancmp.js');
const TOOLS = join(OUT, 'tools');
const TMP = join(OUT, 'tmp');

/** A page of `w` × `h` points without text. */
const blank = (w: number, h: number) => Buffer.from(pdf(1, 0).toString('latin1').replace('/MediaBox [0 0 595 842]', `/MediaBox [0 0 ${w} ${h}]`), 'latin1');

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(TOOLS, { recursive: true });
  mkdirSync(TMP, { recursive: true });
  const tool = (name: string, body: string) => {
    writeFileSync(join(TOOLS, name), `#!${process.execPath}\n${body}`);
    chmodSync(join(TOOLS, name), 0o755);
  };
  // pdftoppm: records its pid and arguments; hangs when OCR_HANG is set, else writes a blank grey PGM of the asked size
  tool(
    'pdftoppm',
    `import fs from 'node:fs'; const a = process.argv.slice(2);
if (a[0] === '-v') { console.log('pdftoppm version 22'); process.exit(0); }
fs.appendFileSync(process.env.OCR_LOG, JSON.stringify({ pid: process.pid, args: a }) + '\\n');
if (process.env.OCR_HANG) setInterval(() => {}, 1000);
else { const r = Number(a[a.indexOf('-r') + 1]); const w = Math.round(r * 8.27); const h = Math.round(r * 11.69); fs.writeFileSync(a[a.length - 1] + '.pgm', Buffer.concat([Buffer.from('P5\\n' + w + ' ' + h + '\\n255\\n'), Buffer.alloc(w * h, 255)])); }`,
  );
  tool('tesseract', `const a = process.argv.slice(2); if (a[0] === '--list-langs') console.log('List of available languages:\\nchi_sim\\neng'); else console.log('level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext');`);
});

function env(extra: NodeJS.ProcessEnv = {}) {
  return { ...process.env, PATH: `${TOOLS}:${process.env.PATH}`, TMPDIR: TMP, OCR_LOG: join(OUT, 'log.jsonl'), NO_COLOR: '1', PLANCMP_NO_CACHE: '1', ...extra };
}
const log = () => (existsSync(join(OUT, 'log.jsonl')) ? readFileSync(join(OUT, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pid: number; args: string[] }) : []);
/** Whether a process still runs (a zombie has ended: only its parent, or an init that reaps, removes it). */
const alive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};
const leftovers = () => readdirSync(TMP).filter((n) => n.startsWith('plancmp-ocr-'));

describe('OCR bounds', () => {
  it('renders a huge page at a resolution that keeps its image within ocrPixels; an A4 page at 300 dpi', () => {
    rmSync(join(OUT, 'log.jsonl'), { force: true });
    writeFileSync(join(OUT, 'a4.pdf'), blank(595, 842));
    writeFileSync(join(OUT, 'huge.pdf'), blank(4800, 4800));
    for (const f of ['a4.pdf', 'huge.pdf']) spawnSync(process.execPath, [BIN, 'parse', join(OUT, f), '--ocr'], { env: env(), encoding: 'utf8', timeout: 60_000 });
    const dpi = log().map((l) => Number(l.args[l.args.indexOf('-r') + 1]));
    expect(dpi[0]).toBe(300);
    // 24 million pixels over (4800/72)² square inches
    expect(dpi[1]).toBe(Math.floor(Math.sqrt(24_000_000 / (4800 / 72) ** 2)));
    expect(leftovers()).toEqual([]);
  });

  it('a timeout ends the reader, its tools and its temporaries: one line, exit 2', () => {
    rmSync(join(OUT, 'log.jsonl'), { force: true });
    const r = spawnSync(process.execPath, [BIN, 'parse', join(OUT, 'a4.pdf'), '--ocr'], { env: env({ OCR_HANG: '1', PLANCMP_LIMITS: 'readSeconds=3' }), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/a4\.pdf: took longer than 3 s to read/)]);
    const [hung] = log();
    expect(hung).toBeDefined();
    expect(alive(hung.pid)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a text layer that does not read as Chinese is read by OCR with --ocr', () => {
    rmSync(join(OUT, 'log.jsonl'), { force: true });
    writeFileSync(join(OUT, 'garbled.pdf'), garbledPdf());
    const r = spawnSync(process.execPath, [BIN, 'parse', join(OUT, 'garbled.pdf'), '--ocr', '--format', 'json'], { env: env(), encoding: 'utf8', timeout: 60_000 });
    expect(log()).toHaveLength(1); // page 1 rendered for OCR
    // the stand-in tesseract finds no words: the page's garbled text layer was not used
    expect(r.stderr).toMatch(/garbled\.pdf: this PDF file has no text/);
  });

  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`${sig} during OCR leaves no temporaries and no tools running`, async () => {
      rmSync(join(OUT, 'log.jsonl'), { force: true });
      const child = spawn(process.execPath, [BIN, 'parse', join(OUT, 'a4.pdf'), '--ocr'], { env: env({ OCR_HANG: '1' }), stdio: 'ignore' });
      for (let i = 0; i < 200 && log().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(leftovers()).toHaveLength(1);
      child.kill(sig);
      await new Promise((r) => child.on('exit', r));
      for (let i = 0; i < 40 && (leftovers().length > 0 || alive(log()[0].pid)); i++) await new Promise((r) => setTimeout(r, 50));
      expect(alive(log()[0].pid)).toBe(false);
      expect(leftovers()).toEqual([]);
    });
  }
});
