// The one table of output formats (src/render/formats.ts): --format choices and renderers come from it,
// and library users reach the renderers as `plancmp/render`.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli, fixture } from './helpers.js';
import { CHAIN_FORMATS, CHECK_FORMATS, DIFF_FORMATS, PARSE_FORMATS, SIBLINGS_FORMATS, formatChoices } from '../src/render/formats.js';
import { buildChain } from '../src/chain/build.js';
import { diffSiblings } from '../src/chain/siblings.js';
import { parseFile } from '../src/pipeline.js';
import { loadBase } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { readSource } from '../src/read/index.js';

const noColor = { env: { NO_COLOR: '1' }, force: false };

describe('output-format table', () => {
  it('gives each command the formats it has', () => {
    expect(formatChoices('diff')).toEqual(['text', 'json', 'md', 'csv', 'html', 'xlsx']);
    expect(formatChoices('parse')).toEqual(['json', 'jsonl', 'text', 'md', 'csv', 'raw']);
    expect(formatChoices('check')).toEqual(['text', 'json', 'github', 'sarif', 'junit']);
  });

  it('commander refuses a format the table does not hold, and lists the table', async () => {
    const r = await runCli(['diff', 'fixtures/003_921a6ce2908064d7.txt', '--format', 'pdf']);
    expect(r.code).toBe(2);
    for (const f of formatChoices('diff')) expect(r.err).toContain(f);
  });

  it('every entry renders', async () => {
    const base = loadBase();
    const local = await fixture('xinchang');
    const d = diffNotices(base, local);
    for (const [name, e] of Object.entries(DIFF_FORMATS)) expect((await e.render(d, base, local, noColor, {})).length, name).toBeGreaterThan(100);
    // (raw prints the text as read: the command passes the source along)
    const source = await readSource('fixtures/003_921a6ce2908064d7.txt');
    for (const [name, e] of Object.entries(PARSE_FORMATS)) expect((await e.render(local, noColor, { source })).length, name).toBeGreaterThan(100);
    const reports = [{ file: 'a.txt', findings: [{ file: 'a.txt', line: 3, rule: 'truncated', severity: 'error' as const, message: 'ends early' }], errorCount: 1, warningCount: 0 }];
    for (const [name, e] of Object.entries(CHECK_FORMATS)) expect(e.render(reports, '0.0.0'), name).toContain('a.txt');
  });
});

describe('chain and the siblings view use the same table', () => {
  it('chain: the printed tree and every file format come from CHAIN_FORMATS', async () => {
    const files = ['fixtures/chain/zhejiang-16hao-provincial-plan.txt', 'fixtures/chain/jiaxing-city-plan.txt', 'fixtures/chain/haiyan-county-plan.txt'];
    const chain = buildChain(await Promise.all(files.map((f) => parseFile(f))));
    expect(Object.keys(CHAIN_FORMATS)).toEqual(['text', 'json', 'jsonl', 'csv', 'html']);
    const tree = (await runCli(['chain', ...files])).out;
    expect(tree).toBe(await CHAIN_FORMATS.text.render(chain));
    for (const [name, e] of Object.entries(CHAIN_FORMATS)) expect((await e.render(chain)).length, name).toBeGreaterThan(100);
    expect((await runCli(['chain', ...files, '--csv', '-'])).out).toBe((await CHAIN_FORMATS.csv.render(chain)).replace(/^\uFEFF/, ''));
  });

  it('siblings: diff A B through their parent renders through SIBLINGS_FORMATS; others are refused with the table', async () => {
    const [a, b] = await Promise.all(['fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/001_2a7fecd8e03c454a.txt'].map((f) => parseFile(f)));
    const d = diffSiblings(loadBase(), a, b, 'embedded');
    const text = (await runCli(['diff', 'fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/001_2a7fecd8e03c454a.txt'])).out;
    expect(text).toBe(await SIBLINGS_FORMATS.text.render(d));
    const html = await runCli(['diff', 'fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/001_2a7fecd8e03c454a.txt', '--format', 'html']);
    expect(html.code).toBe(2);
    expect(html.err).toContain('use --format text, json, csv');
  });
});

describe('plancmp/render for library users', () => {
  it('is in the package exports and renders a notice', () => {
    const code = `
      import { parseText } from 'plancmp';
      import { PARSE_FORMATS, renderParse, noColors } from 'plancmp/render';
      const n = parseText('关于印发某某实施方案的通知\\n二、主要任务\\n（一）加强管理。\\n1.建立制度。（县发改局负责）\\n', 'x.txt');
      const a = renderParse('md', n, noColors);
      const b = await PARSE_FORMATS.csv.render(n, {}, {});
      console.log(JSON.stringify({ md: a.length > 0, csv: b.split('\\n')[0] }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.md).toBe(true);
    expect(out.csv).toContain('file');
  });
});
