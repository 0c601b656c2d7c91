// plancmp chain: parents with their evidence, the tree, task lineages, outputs and their schema.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFile, parseText } from '../src/pipeline.js';
import { buildChain, type BuiltChain } from '../src/chain/build.js';
import { breakCycles } from '../src/chain/tree.js';
import { implementedKey, nameKey, adminLevel } from '../src/chain/names.js';
import { renderChainCsv, renderChainJson, renderChainJsonl } from '../src/render/chain/data.js';
import { renderChainHtml } from '../src/render/chain/html.js';
import type { ChainNode, Lineage } from '../src/chain/types.js';
import type { Notice } from '../src/model.js';
import { ajv, expectValid } from './schema-support.js';
import { FX, runCli } from './helpers.js';

const chainSchema = JSON.parse(readFileSync(new URL('../schema/chain.v1.json', import.meta.url), 'utf8'));
ajv.addSchema(chainSchema);
const validateTree = ajv.getSchema(chainSchema.$id)!;
const validateRecord = ajv.getSchema(`${chainSchema.$id}#/$defs/jsonlRecord`)!;

const D = 'fixtures/chain/';
const F = {
  province: `${D}zhejiang-16hao-provincial-plan.txt`,
  jiaxing: `${D}jiaxing-city-plan.txt`,
  zhoushan: `${D}zhoushan-city-plan.txt`,
  haiyan: `${D}haiyan-county-plan.txt`,
  jiashan: `${D}jiashan-county-plan.txt`,
  keqiao: `${D}keqiao-district-plan.txt`,
  guangzhou: `${D}guangzhou-talent-opinions-orphan.html`,
  heihe: `${D}heihe-unrelated-plan.txt`,
};

/** The tree as nested [file, evidence, children] for an exact comparison. */
function shape(n: ChainNode): unknown {
  return [n.file, n.evidence, n.children.map(shape)];
}

function lineage(c: BuiltChain, originFile: string, task: string, bottom: string): Lineage {
  const l = c.lineages.find((x) => x.origin.file === originFile && x.origin.task === task && x.branch[x.branch.length - 1] === bottom);
  expect(l, `no lineage ${originFile}#${task}@${bottom}`).toBeDefined();
  return l!;
}

const steps = (l: Lineage) => l.steps.map((s) => [s.level, s.status, s.tasks.join(','), s.deadlineChange ?? null]);

describe('chain corpus (fixtures/chain): base, two city plans, two county plans under one, two orphans, one unrelated', () => {
  let c: BuiltChain;
  beforeAll(async () => {
    const notices = await Promise.all(Object.values(F).sort().map((f) => parseFile(f)));
    c = buildChain(notices);
  });

  it('builds exactly the tree', () => {
    expect(c.roots.map(shape)).toEqual([
      [F.guangzhou, 'none', []],
      [F.heihe, 'none', []],
      [F.keqiao, 'none', []],
      [
        F.province,
        'none',
        [
          [F.jiaxing, 'cites-docnumber', [[F.haiyan, 'cites-docnumber', []], [F.jiashan, 'cites-docnumber', []]]],
          [F.zhoushan, 'plan-name', []],
        ],
      ],
    ]);
    const level = Object.fromEntries(c.entries.map((e) => [e.file, e.level]));
    expect(level).toMatchObject({ [F.province]: 0, [F.jiaxing]: 1, [F.zhoushan]: 1, [F.haiyan]: 2, [F.jiashan]: 2 });
  });

  it('lists orphans with the document they cite', () => {
    const e = (f: string) => c.entries.find((x) => x.file === f)!;
    expect(e(F.keqiao)).toMatchObject({ parent: null, evidence: 'none', citedParent: '绍政发〔2018〕22号' });
    expect(e(F.guangzhou)).toMatchObject({ parent: null, citedParent: '《中共广州市委、广州市人民政府关于全面推进新型城市化发展的决定》' });
    expect(e(F.heihe).citedParent).toBeUndefined();
    expect(e(F.heihe).parent).toBeNull();
    expect(e(F.haiyan).evidenceDetail).toContain('嘉政发〔2018〕27号');
  });

  it('diffs each notice against its parent', () => {
    const e = (f: string) => c.entries.find((x) => x.file === f)!;
    expect(e(F.jiaxing).summary).toMatchObject({ baseTasks: 41, localTasks: 41, dropped: 1, added: 1 });
    expect(e(F.haiyan).summary).toMatchObject({ baseTasks: 41, localTasks: 21, added: 1 });
    expect(e(F.province).summary).toBeNull();
  });

  it('traces a task the middle level added down both county branches (tightened in one)', () => {
    const toHaiyan = lineage(c, F.jiaxing, '6.4', F.haiyan);
    expect(toHaiyan.fate).toBe('added-at-level-1');
    expect(steps(toHaiyan)).toEqual([
      [1, 'origin', '6.4', null],
      [2, 'kept', '4.2', 'removed'],
    ]);
    const toJiashan = lineage(c, F.jiaxing, '6.4', F.jiashan);
    expect(steps(toJiashan)).toEqual([
      [1, 'origin', '6.4', null],
      [2, 'kept', '3.3', 'earlier'],
    ]);
    expect(toJiashan.tightenedAt).toEqual([2]);
    expect(toJiashan.steps[1].due).toBe('2019-06-30');
  });

  it('traces a provincial task dropped at the bottom, one dropped in the middle, one merged, and deadlines tightened twice', () => {
    const lawmaking = lineage(c, F.province, '5.1', F.haiyan);
    expect(lawmaking.fate).toBe('dropped-at-level-2');
    expect(lawmaking.droppedAt).toBe(2);
    expect(steps(lawmaking).map((s) => s.slice(0, 3))).toEqual([
      [0, 'origin', '5.1'],
      [1, 'kept', '5.1'],
      [2, 'dropped', ''],
    ]);
    expect(lineage(c, F.province, '7.2', F.jiashan).fate).toBe('dropped-at-level-1');
    const dingtalk = lineage(c, F.province, '4.5', F.haiyan);
    expect(dingtalk.fate).toBe('carried-from-top');
    expect(dingtalk.tightenedAt).toEqual([1, 2]);
    expect(dingtalk.steps.map((s) => s.due)).toEqual(['2018-12-31', '2018-09-30', '2018-08-31']);
    expect(dingtalk.steps.map((s) => s.lead[0])).toEqual(['省级有关部门', '市级有关部门', '县政府办公室']);
    // owners along the path: the county hands 健全行政决策机制 from the 法制办 to its 司法局 — the body
    // the 2018 reform merged the 法制办 into (bodies.tsv), so a counterpart, not a reassignment
    const decisions = lineage(c, F.province, '2.3', F.haiyan);
    expect(decisions.steps.map((s) => s.lead[0])).toEqual(['省法制办', '市法制办', '县司法局']);
    // (the county hands it to 县级各部门, not to the city's 各县〔市、区〕政府: collectives added and not
    // carried, an owner change, not a reassignment)
    expect(decisions.steps.map((s) => s.ownerChange ?? null)).toEqual([null, 'mapped', 'owner-dropped']);
    expect(decisions.reassignedAt).toEqual([]);
    const thought = lineage(c, F.province, '1.2', F.haiyan);
    expect(thought.steps[2]).toMatchObject({ tasks: ['1.1'], kinds: ['merged'] });
    const own = lineage(c, F.haiyan, '5.4', F.haiyan);
    expect(own.fate).toBe('added-at-level-2');
    expect(own.steps).toHaveLength(1);
  });

  it('has one lineage per task and branch, each reaching the bottom or saying where it stopped', () => {
    const ids = new Set(c.lineages.map((l) => l.id));
    expect(ids.size).toBe(c.lineages.length);
    for (const l of c.lineages) {
      expect(l.reachesBottom).toBe(l.droppedAt === undefined);
      expect(l.steps[l.steps.length - 1].level).toBe(l.reachesBottom ? l.branch.length - 1 : l.droppedAt);
    }
    // every county task appears at the bottom of some lineage
    for (const [file, n] of [
      [F.haiyan, 21],
      [F.jiashan, 14],
    ] as const) {
      const reached = new Set(c.lineages.filter((l) => l.reachesBottom && l.branch[l.branch.length - 1] === file).flatMap((l) => l.steps[l.steps.length - 1].tasks));
      expect(reached.size).toBe(n);
    }
  });

  it('writes JSON and JSONL that validate against schema/chain.v1.json, and a CSV of lineages', () => {
    expectValid(validateTree, JSON.parse(renderChainJson(c)), 'chain.json');
    const records = renderChainJsonl(c).trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.kind === 'notice')).toHaveLength(8);
    expect(records.filter((r) => r.kind === 'lineage')).toHaveLength(c.lineages.length);
    for (const r of records) expectValid(validateRecord, r, `${r.kind} ${r.file ?? r.id}`);
    const hy = records.find((r) => r.file === F.haiyan);
    expect(Object.keys(hy).slice(0, 7)).toEqual(['kind', 'file', 'docNumber', 'parent', 'evidence', 'citedParent', 'summary']);
    expect(hy).toMatchObject({ kind: 'notice', docNumber: '盐政发〔2018〕31号', parent: F.jiaxing, evidence: 'cites-docnumber', citedParent: null });
    const csv = renderChainCsv(c);
    expect(csv.startsWith('\uFEFFlineage_id,')).toBe(true); // a BOM for Excel: the CLI drops it on standard output
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(1 + c.lineages.reduce((s, l) => s + l.steps.length, 0));
  });

  it('renders one HTML page with the tree and each task down every branch, escaping document text', () => {
    const page = renderChainHtml(c);
    expect(page).toContain('盐政发〔2018〕31号');
    expect(page).toContain('tightened');
    expect(page).toContain('class="dropped"');
    expect(page).not.toMatch(/<script[^>]*src=/);
  });
});

describe('the seed plans of the 16号 family find 16号 with their evidence', () => {
  it('Huzhou by 文号, Xinchang by title, Zhoushan by plan name, Heihe none', async () => {
    const files = [FX.zhoushan, FX.huzhou, FX.province, FX.xinchang, FX.heihe];
    const c = buildChain(await Promise.all(files.map((f) => parseFile(f))));
    const by = Object.fromEntries(c.entries.map((e) => [e.file, [e.parent, e.evidence]]));
    expect(by).toEqual({
      [FX.zhoushan]: [FX.province, 'plan-name'],
      [FX.huzhou]: [FX.province, 'cites-docnumber'],
      [FX.province]: [null, 'none'],
      [FX.xinchang]: [FX.province, 'cites-title'],
      [FX.heihe]: [null, 'none'],
    });
  });
});

describe('plans of other families (fixtures/real and fixtures/pairs: 国务院 plans, a city 实施意见 without title or 文号, and their implementations)', () => {
  it('finds each base: by 文号, and by content when the cited base does not give its title', async () => {
    const P = 'fixtures/pairs/';
    const files = [
      'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html',
      'fixtures/real/guobanfa-2018-128-wufei-chengshi-fangan.govcn.html',
      'fixtures/real/guangzhou-rencai-jiju-gongcheng-shishi-yijian-2012.sqlfield.html',
      `${P}jiangxi-nongjihua-shishi-yijian.txt`,
      `${P}xuchang-wufei-chengshi-shishi-fangan.txt`,
      `${P}panyu-rencai-jiju-shishi-fangan.txt`,
    ];
    const c = buildChain(await Promise.all(files.map((f) => parseFile(f))));
    expect(c.entries.map((e) => [e.parent, e.evidence, e.citedParent ?? null])).toEqual([
      [null, 'none', null],
      [null, 'none', null],
      [null, 'none', '《中共广州市委、广州市人民政府关于全面推进新型城市化发展的决定》'],
      [files[0], 'cites-docnumber', null],
      [files[1], 'cites-docnumber', null],
      [files[2], 'content', null],
    ]);
    expect(c.entries[5].evidenceDetail).toMatch(/does not give its title/);
    // the national 意见 → provincial 实施意见 lineages exist, with generic ids
    const l = c.lineages.filter((x) => x.branch[0] === files[0]);
    expect(l.length).toBeGreaterThan(15);
    expect(l.some((x) => x.fate === 'added-at-level-1')).toBe(true);
    expect(l.some((x) => x.fate === 'dropped-at-level-1')).toBe(true);
  });

  it('does not hang a copy of a document under another copy', async () => {
    const g = 'fixtures/real/guangzhou-rencai-jiju-gongcheng-shishi-yijian-2012.sqlfield.html';
    const c = buildChain([await parseFile(g), await parseFile(F.guangzhou)]);
    expect(c.entries.map((e) => e.parent)).toEqual([null, null]);
  });
});

describe('parent finding rules', () => {
  let province: Notice;
  let jiaxing: Notice;
  beforeAll(async () => {
    province = await parseFile(F.province);
    jiaxing = await parseFile(F.jiaxing);
  });

  it('falls back on content when a notice neither cites nor names its parent, and says how much it carries', () => {
    // the city plan's body without its header, transmittal and title: only its tasks tell where it comes from
    const text = readFileSync(F.jiaxing, 'utf8');
    const body = text.slice(text.indexOf('二、主要任务'));
    const bare = parseText(`某市政府自身建设工作要点\n\n${body}`, 'bare.txt');
    expect(bare.references).toHaveLength(0);
    const c = buildChain([province, bare]);
    const e = c.entries.find((x) => x.file === 'bare.txt')!;
    expect(e).toMatchObject({ parent: province.source.file, evidence: 'content' });
    expect(e.evidenceDetail).toMatch(/carries 40 of the parent's 41 tasks; 40 of its own 41 come from it/);
    // above the threshold only
    const strict = buildChain([province, bare], { contentMin: 0.99 });
    expect(strict.entries.find((x) => x.file === 'bare.txt')!.parent).toBeNull();
  });

  it('never makes a notice its own parent, nor a second copy of it', () => {
    const copy = { ...jiaxing, source: { ...jiaxing.source, file: 'copy.txt' } };
    const c = buildChain([province, jiaxing, copy]);
    for (const e of c.entries) expect(e.parent).not.toBe(e.file);
    expect(c.entries.find((e) => e.file === 'copy.txt')!.parent).toBe(province.source.file);
  });

  it('does not take a plan issued after the notice, or by a lower level, as its parent — unless the notice cites it', async () => {
    const zs = await parseFile(F.zhoushan);
    const zhoushanUnder = (p: Notice) => buildChain([p, zs]).entries.find((e) => e.file === F.zhoushan)!;
    const later = { ...province, meta: { ...province.meta, date: '2019-01-01' } };
    // named after the province's plan, but the province's plan would be dated after it
    expect(zhoushanUnder(province).evidence).toBe('plan-name');
    expect(zhoushanUnder(later).parent).toBeNull();
    // an explicit citation outweighs a misread date
    expect(buildChain([later, jiaxing]).entries.find((e) => e.file === jiaxing.source.file)!.evidence).toBe('cites-docnumber');
    // a county's plan is never the parent of a city's, even when cited
    const county = { ...province, meta: { ...province.meta, issuer: '海盐县人民政府' } };
    const low = buildChain([county, jiaxing]).entries.find((e) => e.file === jiaxing.source.file)!;
    expect(low.parent).toBeNull();
    expect(low.citedParent).toBeUndefined();
    expect(low.notes.join()).toMatch(/lower level/);
  });

  it('does not take a same-level, same-day twin as parent by content (content does not say who copied whom)', () => {
    const text = readFileSync(F.jiaxing, 'utf8');
    const body = text.slice(text.indexOf('二、主要任务'));
    const twin = (name: string) => parseText(`嘉兴市人民政府文件\n\n${name}〔2018〕9号\n\n嘉兴市人民政府关于加强政府自身建设的意见\n\n嘉兴市人民政府\n\n2018年6月20日\n\n${body}`, `${name}.txt`);
    const c = buildChain([twin('嘉政发'), twin('嘉政办发')]);
    expect(c.entries.map((e) => e.parent)).toEqual([null, null]);
  });

  it('escapes document text in the HTML page', () => {
    const text = readFileSync(F.jiashan, 'utf8').replace('加强政治建设', '加强政治建设<script>alert(1)</script>');
    const evil = parseText(text, 'evil<img src=x onerror=alert(1)>.txt');
    const page = renderChainHtml(buildChain([jiaxing, evil]));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src');
    expect(page).toContain('&lt;script&gt;');
  });

  it('traces lineages below a parent whose page carries no tasks (the transmittal notice without its attachment)', async () => {
    const cover = parseText(
      '浙江省人民政府文件\n\n浙政发〔2018〕16号\n\n浙江省人民政府关于印发政府“两强三提高”建设行动计划（2018—2022年）的通知\n\n各市、县（市、区）人民政府，省政府直属各单位：\n\n现将《政府“两强三提高”建设行动计划（2018—2022年）》印发给你们，请结合实际，认真贯彻执行。\n\n浙江省人民政府\n\n2018年4月28日\n',
      'cover.txt',
    );
    expect(cover.tasks).toHaveLength(0);
    const haiyan = await parseFile(F.haiyan);
    const c = buildChain([cover, jiaxing, haiyan]);
    expect(c.entries.map((e) => [e.parent, e.level])).toEqual([
      [null, 0],
      ['cover.txt', 1],
      [F.jiaxing, 2],
    ]);
    expect(c.entries[1].notes).toContain('the parent has no tasks to compare');
    const l = c.lineages.find((x) => x.origin.file === F.jiaxing && x.origin.task === '4.5')!;
    expect(l).toMatchObject({ branch: [F.jiaxing, F.haiyan], fate: 'carried-from-top', tightenedAt: [2], origin: { level: 1 } });
    expect(l.steps.map((s) => s.level)).toEqual([1, 2]);
    expectValid(validateTree, JSON.parse(renderChainJson(c)), 'chain.json below a cover page');
    expect(renderChainHtml(c)).toContain('<th>level 2</th>');
  });

  it('breaks a cycle at its weakest edge', () => {
    const edges = [
      { parent: 1, evidence: 'cites-docnumber' as const },
      { parent: 2, evidence: 'content' as const },
      { parent: 0, evidence: 'plan-name' as const },
      { parent: 0, evidence: 'cites-title' as const },
    ];
    expect(breakCycles(edges)).toEqual([1]);
    expect(edges.map((e) => e.parent)).toEqual([1, null, 0, 0]);
  });

  it('reads plan names and levels from how titles are built', () => {
    expect(nameKey('浙江省人民政府关于印发政府“两强三提高”建设行动计划(2018—2022年)的通知')).toBe('两强三提高建设行动计划');
    expect(implementedKey('新昌县人民政府“两强三提高”建设行动计划实施方案(2018-2022年)')).toBe('两强三提高建设行动计划');
    expect(implementedKey('政府“两强三提高”建设行动计划(2018—2022年)')).toBeUndefined();
    expect([province, jiaxing].map(adminLevel)).toEqual([1, 2]);
    const issuedBy = (issuer: string) => adminLevel({ ...province, meta: { issuer } });
    expect(['国务院办公厅', '农业农村部', '上海市人民政府', '黑河市人民政府办公室', '绍兴市柯桥区人民政府', '新昌县人民政府', '大市聚镇人民政府', '某某研究会'].map(issuedBy)).toEqual([0, 0, 1, 2, 3, 3, 4, undefined]);
  });
});

describe('plancmp chain (CLI)', () => {
  it('prints the tree, writes every output into --out, and exits 3 when an input cannot be read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-chain-'));
    const bad = path.join(dir, 'empty.txt');
    writeFileSync(bad, '');
    const text = await runCli(['chain', F.province, F.jiaxing, F.haiyan]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('└ 嘉政发〔2018〕27号');
    const out = path.join(dir, 'out');
    const r = await runCli(['chain', F.province, F.jiaxing, bad, '--out', out]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('empty.txt');
    for (const f of ['chain.json', 'chain.jsonl', 'lineages.csv', 'chain.html']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const doc = JSON.parse(readFileSync(path.join(out, 'chain.json'), 'utf8'));
    expectValid(validateTree, doc, 'chain.json');
    expect(doc.failed.map((f: { file: string }) => f.file)).toEqual([bad]);
  });

  it('--with-base hangs 16号 city plans under the embedded base', async () => {
    const r = await runCli(['chain', FX.huzhou, FX.zhoushan, '--with-base', '--jsonl', '-']);
    expect(r.code).toBe(0);
    const recs = r.out.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.kind === 'notice');
    expect(recs.map((x) => [x.file, x.parent, x.evidence])).toEqual([
      ['浙政发〔2018〕16号 (embedded)', null, 'none'],
      [FX.zhoushan, '浙政发〔2018〕16号 (embedded)', 'plan-name'],
      [FX.huzhou, '浙政发〔2018〕16号 (embedded)', 'cites-docnumber'],
    ]);
    const without = await runCli(['chain', FX.huzhou, FX.zhoushan, '--jsonl', '-']);
    const hz = without.out.trim().split('\n').map((l) => JSON.parse(l)).find((x) => x.file === FX.huzhou);
    expect(hz).toMatchObject({ parent: null, citedParent: '浙政发〔2018〕16号' });
  });

  it('writes JSONL to standard output and refuses bad options in one line', async () => {
    const r = await runCli(['chain', F.province, F.jiaxing, '--jsonl', '-']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')[0]).toMatch(/^\{"kind":"notice"/);
    const none = await runCli(['chain', 'no-such-dir/*.txt']);
    expect(none.code).toBe(2);
    expect(none.err.trim().split('\n').pop()).toMatch(/^plancmp: /);
    const bad = await runCli(['chain', F.province, '--content-min', '7']);
    expect(bad.code).toBe(2);
    const missingDir = await runCli(['chain', F.province, '--html', 'no/such/dir/x.html']);
    expect(missingDir.code).toBe(2);
    expect(missingDir.err).toMatch(/does not exist/);
  });
});
