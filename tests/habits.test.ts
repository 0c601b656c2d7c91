// What users of neighbouring tools expect (issue 17): diff(1)/git habits, -o FILE, CSV and JSONL
// for data people, eslint-style check formats and rule levels, a headline that matches its sections.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';
import { expectValid, validateDiff } from './schema-support.js';
import { fmtInt, progressLine } from '../src/export/progress.js';

const FX = ['fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/001_2a7fecd8e03c454a.txt', 'fixtures/002_2cdac00586eece9b.txt', 'fixtures/003_921a6ce2908064d7.txt', 'fixtures/004_0ece2a694517dc78.txt'];
const [ZS, HZ, PROV, XC] = FX;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'plancmp-ux-'));

/** RFC 4180 rows (quoted fields may hold commas and quotes). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('parse for data people', () => {
  it('--format csv over two files: one header, file and docNumber columns, no BOM on stdout', async () => {
    const r = await runCli(['parse', ZS, HZ, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('file,docNumber,id,')).toBe(true);
    expect(r.out.match(/\uFEFF/g)).toBeNull();
    const rows = csvRows(r.out);
    expect(rows.filter((x) => x[0] === 'file')).toHaveLength(1);
    const files = new Set(rows.slice(1).map((x) => x[0]));
    expect([...files]).toEqual([ZS, HZ]);
    expect(rows.find((x) => x[0] === HZ)![1]).toBe('湖政发〔2018〕20号');
    // units are a list: separated by ';' like every list in every CSV
    const multi = rows.slice(1).find((x) => x[6].includes(';'));
    expect(multi, 'some task has several units').toBeDefined();
    expect(multi![6]).not.toMatch(/、.*;|;$/);
  });

  it('--format jsonl: one record per line, the same shape for one file or many', async () => {
    const many = await runCli(['parse', ZS, HZ, '--format', 'jsonl']);
    const lines = many.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).source.file)).toEqual([ZS, HZ]);
    const one = await runCli(['parse', ZS, '--format', 'jsonl']);
    expect(one.out.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(one.out)).toEqual(JSON.parse(lines[0]));
  });

  it('-o FILE writes the CSV for Excel with a BOM (--no-bom: without); nothing is left behind on an input error', async () => {
    const dir = tmp();
    const f = path.join(dir, 'tasks.csv');
    expect((await runCli(['parse', ZS, '--format', 'csv', '-o', f])).code).toBe(0);
    expect(readFileSync(f, 'utf8').startsWith('\uFEFFfile,')).toBe(true);
    expect((await runCli(['parse', ZS, '--format', 'csv', '-o', f, '--no-bom'])).code).toBe(0);
    expect(readFileSync(f, 'utf8').startsWith('file,')).toBe(true);
    const g = path.join(dir, 'none.json');
    expect((await runCli(['parse', 'no/such.txt', '-o', g])).code).toBe(2);
    expect(existsSync(g)).toBe(false);
    expect(readdirSync(dir).filter((x) => x.startsWith('.'))).toEqual([]); // no temporary file left
  });

  it('-o into a missing folder is a one-line write-failed error, not an internal error', async () => {
    const r = await runCli(['diff', ZS, '-o', path.join(tmp(), 'missing', 'out.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plancmp: .*out\.txt: cannot write \(ENOENT: the directory does not exist\) — create the directory first, or check the path\n$/);
  });
});

describe('diff like diff(1) and git', () => {
  it('--quiet prints nothing and exits 1 on findings; --exit-code prints and exits 1; none: 0', async () => {
    const q = await runCli(['diff', HZ, '--quiet']);
    expect([q.code, q.out]).toEqual([1, '']);
    const e = await runCli(['diff', HZ, '--exit-code']);
    expect(e.code).toBe(1);
    expect(e.out).toContain('Dropped (1)');
    expect((await runCli(['diff', PROV, '--quiet', '--fail-on', 'dropped,added'])).code).toBe(0);
    expect((await runCli(['diff', HZ])).code).toBe(0);
  });

  it('--stat prints the header and headline only (text), the summary (json)', async () => {
    const t = await runCli(['diff', HZ, '--stat']);
    expect(t.out.trimEnd().split('\n')).toHaveLength(5);
    expect(t.out).toMatch(/carried 40\/41 .* split 1 · reworded \d+ · retitled \d+ · /);
    const j = JSON.parse((await runCli(['diff', HZ, '--stat', '--format', 'json'])).out);
    expect(Object.keys(j)).toEqual(['schema', 'base', 'local', 'parentage', 'family', 'summary']);
    expect((await runCli(['diff', HZ, '--stat', '--format', 'md'])).code).toBe(2);
  });

  it('--color=always colours a pipe, --color=never beats FORCE_COLOR, a bad value is a usage error', async () => {
    expect((await runCli(['diff', HZ, '--color=always'])).out).toMatch(/\x1b\[/);
    expect((await runCli(['--color=always', 'diff', HZ])).out).toMatch(/\x1b\[/);
    expect((await runCli(['diff', HZ, '--color=never'], { env: { FORCE_COLOR: '3' } })).out).not.toMatch(/\x1b\[/);
    expect((await runCli(['diff', HZ, '--no-color'], { env: { FORCE_COLOR: '3' } })).out).not.toMatch(/\x1b\[/);
    expect((await runCli(['diff', HZ])).out).not.toMatch(/\x1b\[/);
    const bad = await runCli(['diff', HZ, '--color=sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--color: "sometimes" is not auto, always or never');
  });

  it('-o writes the whole report to a file and nothing to stdout', async () => {
    const f = path.join(tmp(), 'zs.txt');
    const r = await runCli(['diff', ZS, '-o', f]);
    expect([r.code, r.out]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe((await runCli(['diff', ZS])).out);
  });
});

describe('the diff headline matches its sections', () => {
  for (const f of [ZS, HZ, XC]) {
    it(f, async () => {
      const text = (await runCli(['diff', f])).out;
      const d = JSON.parse((await runCli(['diff', f, '--format', 'json'])).out);
      expectValid(validateDiff, d, f);
      const head = /carried .*/.exec(text)![0];
      const count = (label: string) => Number(new RegExp(`· ${label} (\\d+)`).exec(head)![1]);
      const section = (title: string) => Number(new RegExp(`^${title} \\((\\d+)\\)$`, 'm').exec(text)?.[1] ?? 0);
      for (const [key, title] of [['merged', 'Merged'], ['split', 'Split'], ['reworded', 'Reworded'], ['retitled', 'Retitled, same content']] as const) {
        expect(count(key), `${key} in the headline`).toBe(d.summary[key]);
        expect(section(title), `${title} section`).toBe(d.summary[key]);
      }
      // a truncated copy's missing tasks are counted apart from the dropped ones
      const cut = Number(/· not in this copy (\d+)/.exec(head)?.[1] ?? 0);
      expect(cut).toBe(d.dropped.filter((t: { afterTruncation?: boolean }) => t.afterTruncation).length);
      expect(count('dropped') + cut).toBe(d.dropped.length);
    });
  }

  it('a plan named after the base but not citing it gets a neutral mark, not ✓', async () => {
    const first = (await runCli(['diff', ZS])).out.split('\n')[2];
    expect(first).toBe('~ does not cite the base (浙政发〔2018〕16号) but is named after it');
    expect((await runCli(['diff', HZ])).out.split('\n')[2]).toMatch(/^✓ cites the base/);
  });
});

describe('dropped tasks and source lines', () => {
  it('each dropped task names its nearest local candidate with the score (text and JSON)', async () => {
    const d = JSON.parse((await runCli(['diff', HZ, '--format', 'json'])).out);
    const local = JSON.parse((await runCli(['parse', HZ])).out);
    expect(d.dropped.length).toBeGreaterThan(0);
    for (const t of d.dropped) {
      expect(t.nearest, t.id).toBeDefined();
      const lt = local.tasks.find((x: { id: string }) => x.id === t.nearest.id);
      expect(lt.title).toBe(t.nearest.title);
      expect(lt.line).toBe(t.nearest.line);
      expect(t.nearest.score).toBeGreaterThan(0);
      expect(t.nearest.score).toBeLessThan(1);
    }
    const text = (await runCli(['diff', HZ])).out;
    const t = d.dropped[0];
    expect(text).toContain(`${t.id} ${t.title}  nearest: ${t.nearest.id} ${t.nearest.title}, ${t.nearest.score.toFixed(2)}`);
  });

  it('--lines shows where each task is (local 5.3 (line 41)); JSON links carry both lines', async () => {
    const d = JSON.parse((await runCli(['diff', HZ, '--format', 'json'])).out);
    const local = JSON.parse((await runCli(['parse', HZ])).out);
    const link = d.links.find((k: { local: string }) => k.local === '5.3');
    expect(link.localLine).toBe(local.tasks.find((x: { id: string }) => x.id === '5.3').line);
    expect(link.baseLine).toBeGreaterThan(0);
    const text = (await runCli(['diff', HZ, '--lines'])).out;
    expect(text).toContain(`5.3 (line ${link.localLine}) 加强行政复议机制创新`);
    expect((await runCli(['diff', HZ])).out).not.toMatch(/\(line \d+\)/);
  });
});

describe('check like eslint', () => {
  it('--format github: one workflow annotation per finding, on its file and line', async () => {
    const r = await runCli(['check', HZ, XC, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toContain('::error file=fixtures/003_921a6ce2908064d7.txt,line=36,title=plancmp truncated::the document ends inside part 二、主要任务 with nothing after it: it looks truncated');
    expect(lines.every((l) => /^::(error|warning) file=[^,]+,line=\d+,title=plancmp [\w-]+::/.test(l))).toBe(true);
  });

  it('--format sarif: a SARIF 2.1.0 log with one result per finding; whole-file findings on line 1', async () => {
    const json = JSON.parse((await runCli(['check', ...FX, '--format', 'json'])).out);
    const sarif = JSON.parse((await runCli(['check', ...FX, '--format', 'sarif'])).out);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(json.reduce((s: number, r: { findings: unknown[] }) => s + r.findings.length, 0));
    const missing = results.find((x: { ruleId: string }) => x.ruleId === 'missing-doc-number');
    expect(missing.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/004_0ece2a694517dc78.txt' }, region: { startLine: 1 } });
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('mojibake');
  });

  it('--format junit: a test suite per file, a test case per finding, a failure per error only', async () => {
    const x = (await runCli(['check', HZ, PROV, '--format', 'junit'])).out;
    // 湖州: one error (mojibake) and one warning (page furniture); the warning does not fail
    expect(x.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plancmp check" tests="3" failures="1">')).toBe(true);
    expect(x.match(/<testsuite /g)).toHaveLength(2);
    expect(x.match(/<failure /g)).toHaveLength(1);
    expect(x).toContain('<failure type="error" message="garbled run');
    expect(x).toMatch(/<testcase classname="fixtures\/001_2a7fecd8e03c454a.txt" name="page-furniture \(line 122\)">\n\s+<system-out>fixtures\/001_2a7fecd8e03c454a.txt:122: warning page-furniture/);
    expect(x).toContain('<testcase classname="fixtures/002_2cdac00586eece9b.txt" name="plancmp check"/>');
  });

  it('--quiet reports errors only; --rule re-rates or turns off a rule; an unknown rule is a usage error', async () => {
    const q = await runCli(['check', HZ, '--quiet']);
    expect(q.out).not.toMatch(/: warning /);
    expect(q.out).toContain('1 error, 0 warnings');
    const warn = await runCli(['check', HZ, '--rule', 'mojibake=warn']);
    expect(warn.code).toBe(0);
    expect(warn.out).toContain(':39: warning mojibake');
    const off = await runCli(['check', HZ, '--rule', 'mojibake=off', '--rule', 'page-furniture=off']);
    expect([off.code, off.out]).toEqual([0, '0 errors, 0 warnings in 1 file\n']);
    const bad = await runCli(['check', HZ, '--rule', 'mojibak=off']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown rule "mojibak"');
  });
});

describe('report CSV for pandas, R and DuckDB', () => {
  it('--tidy: one row per provincial task and plan with base_id, plan, status, local_ids, change', async () => {
    const r = await runCli(['report', ZS, HZ, XC, '--csv', '-', '--tidy']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFF')).toBe(false);
    const [head, ...rows] = csvRows(r.out);
    for (const c of ['base_id', 'plan', 'status', 'local_ids', 'change']) expect(head).toContain(c);
    expect(rows).toHaveLength(41 * 3);
    const col = (name: string) => head.indexOf(name);
    const zs21 = rows.find((x) => x[col('base_id')] === '2.1' && x[col('plan')].startsWith('舟山市'))!;
    expect([zs21[col('status')], zs21[col('local_ids')]]).toEqual(['merged', '2.1']);
    expect(rows.filter((x) => x[col('status')] === 'not-in-copy').length).toBeGreaterThan(0); // 新昌 is truncated
    expect(rows.some((x) => /^(earlier|later|changed|removed|added) L\d+→L\d+/.test(x[col('change')]))).toBe(true);
  });

  it('two plans with one label get unique column names; a CSV file has a BOM, --no-bom none', async () => {
    const dir = tmp();
    const f = path.join(dir, 'm.csv');
    // two copies of one plan (one path given twice is one input, as in export)
    const copy = path.join(dir, 'zhoushan-copy.txt');
    copyFileSync(ZS, copy);
    expect((await runCli(['report', ZS, copy, '--csv', f])).code).toBe(0);
    const text = readFileSync(f, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const head = csvRows(text.slice(1))[0];
    expect(new Set(head).size).toBe(head.length);
    expect(head.slice(4)).toEqual(['舟山市 舟政办发〔2018〕150号', '舟山市 舟政办发〔2018〕150号 (2)']);
    expect((await runCli(['report', ZS, '-o', f, '--no-bom'])).code).toBe(0);
    expect(readFileSync(f, 'utf8').startsWith('base_id,')).toBe(true);
  });
});

describe('progress bar', () => {
  it('fits the terminal width', () => {
    const status = '1,234/20,000 6% · 55.2/s · ETA 5:04 · 3 failed';
    for (const cols of [30, 50, 80, 200]) {
      const line = progressLine(1234, 20000, status, cols);
      expect([...line].length, `${cols} columns`).toBeLessThan(cols);
    }
    expect(progressLine(1234, 20000, status, 200)).toMatch(/^[█░]{24} /);
    expect(progressLine(1234, 20000, status, 30)).not.toMatch(/█|░/);
  });

  it('writes counts with thousands separators, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 1234, 20000, 99999, 100000, 999999, 1000000, 12345678, 2 ** 31, -1234, -5]) {
      expect(fmtInt(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});

describe('diff --format html', () => {
  it('links each task to its line in the embedded source text; the CSP admits only its own script, by hash', async () => {
    const { createHash } = await import('node:crypto');
    const page = (await runCli(['diff', HZ, '--format', 'html'])).out;
    expect(page).toContain('href="#src-plan-1-l41"');
    expect(page).toContain('id="src-plan-1-l41"');
    expect(page).toContain('id="src-base-l103"'); // 16号 5.2, dropped by 湖州
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toContain(`script-src 'sha256-${hash}'`);
    expect(/script-src[^"]*unsafe-inline/.test(page)).toBe(false);
  });
});

describe('--color as in git', () => {
  it('a bare --color means always and does not swallow the next argument', async () => {
    const r = await runCli(['diff', '--color', HZ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\x1b\[/);
  });
});
