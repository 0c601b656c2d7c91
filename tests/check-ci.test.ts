// check in CI: snapshot drift in every check format, one finding per task that changed (matched by
// content, on its line in the current file), snapshots that mirror the input paths, JUnit failures
// for errors only, SARIF rules with help and a link to their row in the README.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';
import { snapshotPath } from '../src/check/snapshot.js';
import { ALL_RULES, RULE_HELP, ruleAnchor } from '../src/check/rule-help.js';
import { RULES } from '../src/check/rules.js';

const ZHOUSHAN = 'fixtures/000_5b73fe2b8637f3d3.txt';
const HUZHOU = 'fixtures/001_2a7fecd8e03c454a.txt';
/** The line (1-based) of the first line of `text` that starts with `prefix`. */
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

let dir: string;
let snaps: string;
let a: string;
let b: string;

beforeAll(async () => {
  // two inputs with one name in two folders, each with its own snapshot
  dir = mkdtempSync(path.join(tmpdir(), 'plancmp-ci-'));
  snaps = path.join(dir, 'snaps');
  for (const sub of ['a', 'b']) mkdirSync(path.join(dir, sub));
  a = path.join(dir, 'a', 'plan.txt');
  b = path.join(dir, 'b', 'plan.txt');
  copyFileSync(ZHOUSHAN, a);
  copyFileSync(HUZHOU, b);
  expect((await runCli(['check', '--snapshot', snaps, '--diff', '--update', a, b])).code).toBe(0);
});

describe('snapshots mirror the input paths', () => {
  it('a/plan.txt and b/plan.txt each have their own snapshot', () => {
    expect(snapshotPath('snaps', 'a/plan.txt', '/repo')).toBe(path.join('snaps', 'a', 'plan.txt.parse.json'));
    expect(snapshotPath('snaps', '/repo/a/plan.txt', '/repo')).toBe(path.join('snaps', 'a', 'plan.txt.parse.json'));
    // outside the current directory: from the root, never above DIR
    expect(snapshotPath('snaps', '../x/plan.txt', '/repo/sub')).toBe(path.join('snaps', 'repo', 'x', 'plan.txt.parse.json'));
    const [sa, sb] = [a, b].map((f) => snapshotPath(snaps, f));
    expect(sa).not.toBe(sb);
    expect(existsSync(sa) && existsSync(sb)).toBe(true);
    expect(JSON.parse(readFileSync(sa, 'utf8')).meta.docNumber).toBe('舟政办发〔2018〕150号');
    expect(JSON.parse(readFileSync(sb, 'utf8')).meta.docNumber).toBe('湖政发〔2018〕20号');
  });

  it('a snapshot under the old flat name is still read, and --update moves it to the mirrored one', async () => {
    const old = mkdtempSync(path.join(tmpdir(), 'plancmp-ci-old-'));
    const flat = path.join(old, 'plan.txt.parse.json');
    copyFileSync(snapshotPath(snaps, a), flat);
    const r = await runCli(['check', '--snapshot', old, '--diff', a]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`matches ${flat} (found under its old name`);
    expect((await runCli(['check', '--snapshot', old, '--diff', '--update', a])).code).toBe(0);
    expect(existsSync(flat)).toBe(false);
    expect(existsSync(snapshotPath(old, a))).toBe(true);
  });
});

describe('drift by task, in every format', () => {
  let edited: string;
  beforeAll(() => {
    // one task deleted (3. 加强制度供给 under （四）), and a deadline moved in another
    edited = readFileSync(ZHOUSHAN, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('3. 加强制度供给'))
      .join('\n')
      .replace('2018年底实现政务钉钉全覆盖', '2019年底实现政务钉钉全覆盖');
    writeFileSync(a, edited);
  });

  it('github: one annotation per changed task, on its line in the current file; the untouched file has none', async () => {
    const r = await runCli(['check', '--snapshot', snaps, '--diff', a, b, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    // the deleted task is one finding, not a cascade over the renumbered tasks after it; the moved
    // deadline is another, on the line of the task that holds it (the one now in the deleted task's place)
    const task4 = lineOf(edited, '4. 健全政务标准');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith(`::error file=${a},line=${task4},title=plancmp snapshot-drift::`))).toBe(true);
    expect(lines.some((l) => /task 4\.3 vanished \(加强制度供给\); 1 task renumbered: 4\.4→4\.3; link 4\.3→4\.3 same vanished; dropped task 4\.3 \(加强制度供给\) appeared$/.test(l))).toBe(true);
    expect(lines.some((l) => /task 4\.4 deadline changed: 2018年底 → 2019年底; deadline comparison 4\.5→4\.3 same → later; deadline comparison L18→4\.3 same → later$/.test(l))).toBe(true);
    expect(r.out).not.toContain(b);
  });

  it('a changed deadline alone is annotated on its own task', async () => {
    const c = path.join(dir, 'c.txt');
    const text = readFileSync(ZHOUSHAN, 'utf8');
    writeFileSync(c, text);
    expect((await runCli(['check', '--snapshot', snaps, '--update', c])).code).toBe(0);
    writeFileSync(c, text.replace('2018年底实现政务钉钉全覆盖', '2019年底实现政务钉钉全覆盖'));
    const r = await runCli(['check', '--snapshot', snaps, c, '--format', 'github']);
    expect(r.out.trim()).toBe(`::error file=${c},line=${lineOf(text, '4. 健全政务标准')},title=plancmp snapshot-drift::differs from ${snapshotPath(snaps, c)}: task 4.4 deadline changed: 2018年底 → 2019年底`);
  });

  it('junit and sarif carry the same findings; a missing snapshot is a finding too', async () => {
    const fresh = path.join(dir, 'fresh.txt');
    copyFileSync(HUZHOU, fresh);
    const junit = (await runCli(['check', '--snapshot', snaps, '--diff', a, b, fresh, '--format', 'junit'])).out;
    expect(junit).toMatch(/<testsuites name="plancmp check" tests="4" failures="3">/);
    expect(junit).toContain('snapshot-missing (line 1)');
    const sarif = JSON.parse((await runCli(['check', '--snapshot', snaps, '--diff', a, b, fresh, '--format', 'sarif'])).out);
    const results = sarif.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['snapshot-drift', 'snapshot-drift', 'snapshot-missing']);
    expect(results[0].locations[0].physicalLocation.region.startLine).toBe(lineOf(edited, '4. 健全政务标准'));
  });

  it('text: one line per task that changed', async () => {
    const r = await runCli(['check', '--snapshot', snaps, '--diff', a]);
    expect(r.out.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(2);
  });
});

describe('SARIF rule help', () => {
  it('every rule has help text, and its helpUri names its row in the README', async () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const rule of [...RULES, 'snapshot-drift', 'snapshot-missing', 'unreadable']) {
      expect(RULE_HELP[rule], rule).toBeTruthy();
      expect(readme, rule).toContain(`<a id="${ruleAnchor(rule)}"></a>\`${rule}\``);
      expect(readme, rule).toContain(RULE_HELP[rule]);
    }
    expect(ALL_RULES).toHaveLength(RULES.length + 3);
    const sarif = JSON.parse((await runCli(['check', HUZHOU, '--format', 'sarif'])).out);
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['mojibake', 'page-furniture']);
    for (const r of rules) {
      expect(r.help.text).toBe(RULE_HELP[r.id]);
      expect(r.helpUri).toMatch(new RegExp(`^https://.+#check-rule-${r.id}$`));
    }
  });
});
