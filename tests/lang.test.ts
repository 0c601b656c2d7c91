// --lang zh|en: the reports in the analyst's language (labels from one table per language, src/render/labels.ts).
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FX, runCli } from './helpers.js';
import { langFromEnv, LABELS } from '../src/render/labels.js';

const GUOFA = 'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html';
const JIANGXI = 'fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt';
const SEEDS = [FX.zhoushan, FX.huzhou, FX.xinchang, FX.heihe];
const run = (args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) => runCli(args, { env });

/**
 * English words left in a text: runs of two or more Latin letters with a lower-case one (document
 * acronyms such as APP stay), after file names and the given codes are taken out.
 */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  let t = text.replace(/[\w./-]+\.(txt|html?|docx?|pdf|ofd|csv|xlsx)\b/g, ' ');
  for (const a of allowed) t = t.split(a).join(' ');
  return [...new Set([...t.matchAll(/[A-Za-z]*[a-z][A-Za-z]*/g)].map((m) => m[0]).filter((w) => w.length >= 2))];
}

/** The words a reader sees on an HTML page: text, tooltips, placeholders, facet labels (not their values). */
export function visibleWords(page: string): string {
  const $ = cheerio.load(page);
  const parts: string[] = [];
  $('[title],[aria-label],[data-filter]').each((_, e) => {
    for (const a of ['title', 'aria-label', 'data-filter']) parts.push($(e).attr(a) ?? '');
  });
  $('[data-facets]').each((_, e) => parts.push(...($(e).attr('data-facets') ?? '').split('|').map((f) => f.slice(f.indexOf(':') + 1))));
  for (const a of Object.keys($('html').attr() ?? {})) if (a.startsWith('data-ui-')) parts.push($('html').attr(a) ?? '');
  // code: warning codes; .src: the notices' own text; noscript: parsed as text by cheerio
  $('script,style,code,.src').remove();
  $('noscript').each((_, e) => {
    parts.push(cheerio.load($(e).html() ?? '').text());
    $(e).remove();
  });
  parts.push($('title').text(), $('body').text());
  return parts.join('\n');
}

describe('the language', () => {
  it('comes from LC_ALL, then LC_MESSAGES, then LANG (zh_* → zh)', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'zh_TW.Big5' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({})).toBe('en');
  });

  it('both tables have the same labels', () => {
    const keys = (o: object, at = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${at}${k}.`) : [`${at}${k}`]));
    expect(keys(LABELS.zh).sort()).toEqual(keys(LABELS.en).sort());
  });

  it('diff: the environment chooses, --lang overrides; JSON does not change', async () => {
    const zh = await run(['diff', GUOFA, JIANGXI], { NO_COLOR: '1', LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toContain('保留上级任务 16/18 项（89%） · 删减 2 · 新增 2 · 合并 1 · 拆分 1 · 改写 11 · 改标题 1 · 部分保留 1');
    expect(zh.out).toMatch(/^删减（2）$/m);
    expect(zh.out).toMatch(/^改写（11）$/m);
    expect(zh.out).toContain('时限变化（共比较 6 项，变化 5 项）');
    expect((await run(['diff', GUOFA, JIANGXI, '--lang', 'zh'])).out).toBe(zh.out);
    const en = await run(['diff', GUOFA, JIANGXI, '--lang', 'en'], { NO_COLOR: '1', LANG: 'zh_CN.UTF-8' });
    expect(en.out).toContain('carried 16/18 base tasks (89%)');
    const j = (env: NodeJS.ProcessEnv) => run(['diff', GUOFA, JIANGXI, '--format', 'json'], env);
    expect((await j({ LANG: 'zh_CN.UTF-8' })).out).toBe((await j({ LANG: 'en_US.UTF-8' })).out);
    const bad = await run(['diff', GUOFA, JIANGXI, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--lang');
  });

  it('diff --lang zh: text and Markdown carry no English label', async () => {
    for (const f of [FX.zhoushan, FX.xinchang, FX.heihe]) {
      const text = (await run(['diff', f, '--lang', 'zh', '--verbose'])).out;
      expect(englishWords(text), `${f} text`).toEqual([]);
      const md = (await run(['diff', f, '--lang', 'zh', '--format', 'md'])).out;
      // the embedded base's file name is "浙政发〔2018〕16号 (embedded)"
      expect(englishWords(md, ['(embedded)']), `${f} md`).toEqual([]);
    }
    const pair = (await run(['diff', GUOFA, JIANGXI, '--lang', 'zh'])).out;
    expect(englishWords(pair)).toEqual([]);
  });

  it('parse --lang zh: the outline, Markdown and CSV header carry no English label (codes aside)', async () => {
    const DOC = '/work/shared/real/binary/hainan-nongnongcai-2024-nongji-butie-notice.doc';
    for (const f of [FX.zhoushan, FX.huzhou, FX.xinchang, 'fixtures/shapes/s7-task-table-province-tuiguang.html', DOC]) {
      const n = JSON.parse((await run(['parse', f])).out);
      // the codes a reader looks up: warning codes, the encoding and the reader's name
      const codes = [...n.warnings.map((w: { code: string }) => w.code), n.source.encoding, n.source.format, '--format md'];
      for (const format of ['text', 'md']) {
        const out = (await run(['parse', f, '--format', format, '--lang', 'zh'])).out;
        expect(englishWords(out, codes), `${f} ${format}`).toEqual([]);
      }
    }
    const text = (await run(['parse', DOC, '--format', 'text', '--lang', 'zh'])).out;
    expect(text).toContain('解析提示（26）');
    expect(text).toMatch(/no-units {2}任务未列明责任单位（同类另有 24 条/);
    expect((await run(['parse', FX.zhoushan, '--format', 'csv', '--lang', 'zh'])).out.split('\r\n')[0]).toBe('文件,文号,编号,序号,项目,标题,责任单位,牵头单位,配合单位,指导单位,时限,行号');
    expect((await run(['parse', FX.zhoushan, '--format', 'csv'])).out.split('\r\n')[0]).toBe('file,docNumber,id,number,project,title,units,lead,assist,guide,deadlines,line');
  });

  it('CSV headers follow the language; the cells keep their codes', async () => {
    const zh = (await run(['diff', FX.zhoushan, '--lang', 'zh', '--format', 'csv'])).out;
    expect(zh.split('\r\n')[0]).toBe('上级编号,上级任务,状态,本地编号,对应类型,最高相似度,上级责任单位,本地责任单位,上级时限,本地时限,时限变化,责任单位变化,指标变化,约束力度变化');
    expect(zh).toContain(',carried,');
    const en = (await run(['diff', FX.zhoushan, '--format', 'csv'])).out;
    expect(en.split('\r\n')[0]).toMatch(/^base_id,base_title,status,/);
    expect(zh.split('\r\n').slice(1)).toEqual(en.split('\r\n').slice(1));
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-lang-'));
    await run(['report', FX.zhoushan, FX.huzhou, '--lang', 'zh', '--csv', join(dir, 'm.csv')]);
    expect(readFileSync(join(dir, 'm.csv'), 'utf8').split('\r\n')[0]).toMatch(/^\uFEFF上级编号,项目,上级任务,保留方案数,/);
  });

  it('report --lang zh: every label of the HTML page is Chinese (file names and codes aside)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-lang-'));
    const f = join(dir, 'zh.html');
    expect((await run(['report', ...SEEDS, '--lang', 'zh', '--html', f])).code).toBe(0);
    const page = readFileSync(f, 'utf8');
    expect(page).toContain('<html lang="zh-CN"');
    // plancmp is the program's name; the embedded base's file name says "(embedded)"
    expect(englishWords(visibleWords(page), ['plancmp', '(embedded)'])).toEqual([]);
    const $ = cheerio.load(page);
    expect($('#overview h2').text()).toBe('概况');
    expect($('#coverage .legend').first().text()).toContain('保留');
    expect($('#coverage .legend').first().text()).toContain('删减');
    expect($('#deadlines .legend').text()).toMatch(/时限提前.*时限推迟/);
    // the English page is as before: English labels with the analysts' terms beside in the legends
    const en = join(dir, 'en.html');
    await run(['report', ...SEEDS, '--lang', 'en', '--html', en]);
    const $en = cheerio.load(readFileSync(en, 'utf8'));
    expect($en('#overview h2').text()).toBe('Overview');
    expect($en('#coverage .legend').first().text()).toContain('same 保留');
  });

  it('diff --format html --lang zh: the single-pair page too', async () => {
    const page = (await run(['diff', GUOFA, JIANGXI, '--format', 'html', '--lang', 'zh'])).out;
    expect(englishWords(visibleWords(page), ['plancmp'])).toEqual([]);
    expect(cheerio.load(page)('.summary-line').text()).toContain('保留上级任务 16/18 项');
  });
});
