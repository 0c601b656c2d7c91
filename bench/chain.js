#!/usr/bin/env node
// Chain scaling: `buildChain` (parent finding, one diff per edge, lineages) on generated corpora of
// 10, 100 and 1,000 notices at a fixed depth of 3 levels, to show time grows about linearly in the
// number of notices. Each family of 10 notices is one provincial plan (16号), three city plans
// (Huzhou and Jiaxing citing the province's 文号, Zhoushan named after its plan) and six county
// plans citing the Jiaxing-like city plan; every copy gets its own 文号 and is lightly varied
// (a task paragraph dropped, a year changed; mulberry32). Parsing is timed separately.
//
//   node bench/chain.js [--quick]     (run.js also runs it and puts the table in bench/results.md)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32, dropTaskParagraph } from './vary.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));


const YEAR = /20[12]\d(?=年)/g;

function vary(text, rand) {
  text = dropTaskParagraph(text, rand) ?? text;
  if (rand() < 0.5) {
    // a year in the body (not in the header's dates or 文号s, which say who came first)
    const from = text.indexOf('二、');
    const hits = [...text.matchAll(YEAR)].filter((h) => h.index > from);
    if (hits.length) {
      const h = hits[Math.floor(rand() * hits.length)];
      const pos = h.index + 3;
      text = text.slice(0, pos) + ((Number(text[pos]) + 1) % 10) + text.slice(pos + 1);
    }
  }
  return text;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = (p) => readFileSync(join(ROOT, p), 'utf8');

/** One family of ten notices: province → 3 cities → 6 counties under the second city. */
function family(f, src, rand) {
  const no = (code) => `${code}〔2018〕${1000 + f}号`;
  const province = src.province.replaceAll('浙政发〔2018〕16号', no('浙政发'));
  // the Huzhou page writes 浙政發(fā)﹝2018﹞16號 (traditional, pinyin glosses, other brackets)
  const huzhou = src.huzhou.replace(/浙政發\(fā\)[〔﹝]2018[〕﹞]16號/g, no('浙政发')).replace(/湖政發\(fā\)〔2018〕20號/g, no('湖政发'));
  const jiaxing = src.jiaxing.replaceAll('浙政发〔2018〕16号', no('浙政发')).replaceAll('嘉政发〔2018〕27号', no('嘉政发'));
  const zhoushan = src.zhoushan.replaceAll('舟政办发〔2018〕150号', no('舟政办发'));
  const out = [province, huzhou, jiaxing, zhoushan];
  for (let k = 0; k < 6; k++) {
    const county = k % 2 ? src.jiashan.replaceAll('善政办发〔2018〕42号', `善政办发〔2018〕${f * 10 + k}号`) : src.haiyan.replaceAll('盐政发〔2018〕31号', `盐政发〔2018〕${f * 10 + k}号`);
    out.push(county.replaceAll('嘉政发〔2018〕27号', no('嘉政发')));
  }
  return out.map((t, k) => ({ file: `family-${f}/${k}.txt`, text: f === 0 ? t : vary(t, rand) }));
}

export async function chainBench({ quick = false, log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  const { parseText } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const { buildChain } = await import(pathToFileURL(join(ROOT, 'dist', 'chain', 'build.js')).href);
  const src = {
    province: read('fixtures/002_2cdac00586eece9b.txt'),
    huzhou: read('fixtures/001_2a7fecd8e03c454a.txt'),
    zhoushan: read('fixtures/000_5b73fe2b8637f3d3.txt'),
    jiaxing: read('fixtures/chain/jiaxing-city-plan.txt'),
    haiyan: read('fixtures/chain/haiyan-county-plan.txt'),
    jiashan: read('fixtures/chain/jiashan-county-plan.txt'),
  };
  const sizes = quick ? [10, 100] : [10, 100, 1000];
  const runs = quick ? 1 : 3;
  const rows = [];
  // warm-up (unrecorded): the first chain pays for JIT compilation of the parser and the aligner
  buildChain(family(0, src, mulberry32(1)).map((d) => parseText(d.text, d.file)));
  for (const n of sizes) {
    const rand = mulberry32(7);
    const docs = [];
    for (let f = 0; docs.length < n; f++) docs.push(...family(f, src, rand));
    docs.length = n;
    const parseRuns = [];
    const chainRuns = [];
    let c;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const notices = docs.map((d) => parseText(d.text, d.file));
      const t1 = performance.now();
      c = buildChain(notices);
      const t2 = performance.now();
      parseRuns.push(t1 - t0);
      chainRuns.push(t2 - t1);
    }
    const withParent = c.entries.filter((e) => e.parent).length;
    const depth = Math.max(...c.entries.map((e) => e.level)) + 1;
    const row = { n, parseMs: median(parseRuns), chainMs: median(chainRuns), chainRuns, withParent, depth, lineages: c.lineages.length };
    rows.push(row);
    log(`  chain of ${n}: parse ${(row.parseMs / 1000).toFixed(2)} s, chain ${(row.chainMs / 1000).toFixed(2)} s (${(row.chainMs / n).toFixed(1)} ms per notice; runs ${chainRuns.map((x) => (x / 1000).toFixed(2)).join(', ')} s), ${withParent} with a parent, depth ${depth}, ${c.lineages.length} lineages`);
  }
  const per = (r) => r.chainMs / r.n;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const md = `## \`plancmp chain\` scaling (in-process \`buildChain\`, median of ${runs} run${runs === 1 ? '' : 's'})

Generated corpora at a fixed depth of 3 levels: families of 10 notices (a provincial plan, three city plans — two citing the province's 文号, one named after its plan — and six county plans citing one city's 文号), each copy with its own 文号 and lightly varied (p = 0.5 a task paragraph dropped, p = 0.5 a year in the body changed; mulberry32(7)). The chain time is parent finding + one diff per notice with a parent + lineages; parsing is shown apart.

| notices | parse | chain | chain per notice | chain runs | with a parent | depth | lineages |
|---:|---:|---:|---:|---|---:|---:|---:|
${rows.map((r) => `| ${r.n.toLocaleString('en-US')} | ${(r.parseMs / 1000).toFixed(2)} s | ${(r.chainMs / 1000).toFixed(2)} s | ${per(r).toFixed(1)} ms | ${r.chainRuns.map((x) => (x / 1000).toFixed(2)).join(', ')} s | ${r.withParent} | ${r.depth} | ${r.lineages.toLocaleString('en-US')} |`).join('\n')}

Per-notice chain time at ${last.n.toLocaleString('en-US')} notices is ${(per(last) / per(first)).toFixed(2)}× that at ${first.n} (${per(last) / per(first) <= 1.5 ? 'no growth beyond noise: linear in the number of notices' : 'growing — look at the candidate sets'}; a shared machine's load moves single figures by ±50%). Parents are found through indexes of 文号, plan names and task titles whose posting lists are capped, and each notice is diffed only against its parent (plus at most 3 candidates when content is the only evidence), so there is no diff per pair.
`;
  return { rows, md };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { md } = await chainBench({ quick: process.argv.includes('--quick') });
  process.stdout.write(md);
}
