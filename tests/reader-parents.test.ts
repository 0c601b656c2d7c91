// diff --bases and export --base auto find a notice's parent the same way (src/chain/parents.ts
// readerParents): cited by 文号 or title, or named after it — also after the subject of a 关于X的意见 —
// but never by content alone. chain, which maps a corpus, still attaches a plan by the tasks it carries.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFile } from '../src/index.js';
import { buildChain } from '../src/chain/build.js';
import { runCli } from './helpers.js';

const OPINION = 'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html'; // 国务院关于加快推进农业机械化…的指导意见
const JIANGXI = 'fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt'; // cites it by 文号 in its opening
let dir: string;
let bases: string;
let named: string;
let unnamed: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plancmp-reader-parents-'));
  bases = path.join(dir, 'bases');
  mkdirSync(bases);
  copyFileSync(OPINION, path.join(bases, path.basename(OPINION)));
  const text = readFileSync(JIANGXI, 'utf8');
  const opening = text.split('\n').find((l) => l.includes('国发〔2018〕42号'))!;
  // the same plan citing nothing: only its name (…的实施意见 of the opinion's subject) says what it implements
  named = path.join(dir, 'named.txt');
  writeFileSync(named, text.replace(opening, '　　为加快推进我省农业机械化和农机装备产业转型升级，结合我省实际，提出如下实施意见。'));
  // …and under a name of its own: it still carries the opinion's tasks, but nothing a reader would go by
  unnamed = path.join(dir, 'unnamed.txt');
  writeFileSync(named.replace('named', 'unnamed'), readFileSync(named, 'utf8').replace(/^.*\n/, '江西省人民政府关于印发全省农业生产三年行动计划的通知\n'));
});

describe('one parent-finding for diff --bases and export --base auto', () => {
  it('chain attaches both by what they carry or their name (the content is there to find)', async () => {
    const chain = buildChain(await Promise.all([path.join(bases, path.basename(OPINION)), named, unnamed].map((f) => parseFile(f))));
    const parentOf = (f: string) => chain.entries.find((e) => e.file === f)!;
    expect(parentOf(named)).toMatchObject({ parent: path.join(bases, path.basename(OPINION)), evidence: 'plan-name' });
    expect(parentOf(unnamed)).toMatchObject({ parent: path.join(bases, path.basename(OPINION)), evidence: 'content' });
  });

  it('diff --bases: named after the opinion\'s subject is its child; carrying its tasks alone is not', async () => {
    const r = await runCli(['diff', '--bases', bases, named, unnamed, '--format', 'json']);
    expect(r.code).toBe(3);
    const diffs = JSON.parse(r.out);
    expect(diffs.map((d: { local: { file: string }; base: { docNumber: string } }) => [d.local.file, d.base.docNumber])).toEqual([[named, '国发〔2018〕42号']]);
    expect(diffs[0].dropped.map((t: { id: string }) => t.id)).toEqual(['8.2', '8.3']);
    expect(r.err).toContain(`${unnamed}: no parent among the plans of --bases ${bases}: it cites none of them and is not named after one`);
  });

  it('export --base auto --bases: the same parents, the same diff', async () => {
    const r = await runCli(['export', named, unnamed, '--diff', '--base', 'auto', '--bases', bases, '--jsonl', '-']);
    expect(r.code, r.err).toBe(0);
    const [a, b] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(a).toMatchObject({ parentStatus: 'found', parent: { docNumber: '国发〔2018〕42号', evidence: 'plan-name' } });
    expect(a.diff.dropped.map((t: { id: string }) => t.id)).toEqual(['8.2', '8.3']);
    expect(b).toMatchObject({ parentStatus: 'none', parent: null });
    expect(b.diff).toBeUndefined();
  });
});
