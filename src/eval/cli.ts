#!/usr/bin/env node
// npm run eval -- GOLD.json... [--docs DIR] [--json]
// Scores plancmp's diff against every gold alignment given (files or folders of *.vs-16.json).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseFile, loadBase } from '../pipeline.js';
import { diffNotices } from '../diff/index.js';
import { scoreDiff, prf, type Prf, type Score } from './score.js';
import { remapGold, type TitledGold } from './remap.js';

function goldFiles(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (statSync(a).isDirectory()) out.push(...readdirSync(a).filter((f) => f.endsWith('.json')).sort().map((f) => join(a, f)));
    else out.push(a);
  }
  return out;
}

/** Gold files name documents by their seed file names: look beside the gold, in ../seeds, fixtures/ and --docs. */
function locate(name: string, goldPath: string, docs: string[]): string {
  const dirs = [...docs, dirname(goldPath), join(dirname(goldPath), '..', 'real'), join(dirname(goldPath), '..', 'seeds'), 'fixtures', '.'];
  for (const d of dirs) {
    const p = resolve(d, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${goldPath}: cannot find document ${name} (looked in ${dirs.join(', ')}; add --docs DIR)`);
}

const fmt = (p: Prf) => `P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const docs: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') continue;
    if (argv[i] === '--docs') docs.push(argv[++i]);
    else files.push(argv[i]);
  }
  if (files.length === 0) files.push(existsSync('../shared/gold') ? '../shared/gold' : 'fixtures/gold');
  const results: { gold: string; score: Score & { ownerChanges?: Prf } }[] = [];
  for (const g of goldFiles(files)) {
    const raw = JSON.parse(readFileSync(g, 'utf8')) as TitledGold;
    if (!raw.links || !raw.local) continue;
    const base = raw.base ? await parseFile(locate(raw.base, g, docs)) : loadBase();
    const local = await parseFile(locate(raw.local, g, docs));
    const gold = remapGold(raw, base, local);
    const diff = diffNotices(base, local);
    const score: Score & { ownerChanges?: Prf } = scoreDiff(diff, gold);
    if (gold.ownerChanges) {
      const key = (c: { base: string; local: string; change: string }) => `${c.base}→${c.local}:${c.change}`;
      score.ownerChanges = prf((diff.ownerChanges ?? []).filter((c) => c.change !== 'mapped').map(key), gold.ownerChanges.filter((c) => c.change !== 'mapped').map(key));
    }
    results.push({ gold: g, score });
  }
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const { gold, score: s } of results) {
      console.log(gold);
      console.log(`  links          ${fmt(s.links)}   kinds agree ${s.linkKinds.agree}/${s.linkKinds.of}`);
      console.log(`  dropped        ${fmt(s.dropped)}`);
      console.log(`  added          ${fmt(s.added)}`);
      if (s.keyListLinks) console.log(`  key-list links ${fmt(s.keyListLinks)}`);
      if (s.deadlines) console.log(`  deadlines      ${fmt(s.deadlines)}`);
      if (s.deadlinePairs) console.log(`  deadline pairs ${fmt(s.deadlinePairs)}`);
      if (s.ownerChanges) console.log(`  owner changes  ${fmt(s.ownerChanges)}  (entries other than mapped)`);
    }
  }
  return results.length ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`plancmp eval: ${(e as Error).message}`);
    process.exit(2);
  },
);
