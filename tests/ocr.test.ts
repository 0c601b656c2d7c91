// Scanned notices end to end (issue 29): which pages are scans (a watermark text item does not make a
// page text), what normalize repairs in OCR'd lines, the OCR cache, `parse --format raw`, and phone-like
// scans of the seeds (tests/scans.js) read with --ocr — ≥ 90 % of the task titles exactly and of the
// owners right, for an all-scanned PDF and for a mixed one (text pages + scanned pages).
// TUNED ON: the OCR repairs were tuned on scans of these seeds, so these floors say that what was
// tuned stays; they prove nothing about notices not seen. How --ocr does on those is measured with
// bench/ocr-accuracy.js on scans of fixtures/unseen-25 and fixtures/real (issue 29's report).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser } from 'playwright-core';
import { closeAsides, repairLine, repairOcr, snapUnits, type RepairKind } from '../src/normalize/ocr.js';
import { normalize } from '../src/normalize/index.js';
import { scannedPages, pageList } from '../src/read/pdf.js';
import { OcrCache } from '../src/read/ocr-cache.js';
import { pageRules, tsvRuns } from '../src/read/ocr.js';
import { eraseRules, findRules, readPgm } from '../src/read/ocr-rules.js';
import { layoutPages } from '../src/read/layout.js';
import { ocrProgress } from '../src/cli/ocr-progress.js';
import type { TextRun } from '../src/read/layout.js';
import type { Notice } from '../src/model.js';
import { parseFile } from '../src/pipeline.js';
import { FX, hasTool, runCli } from './helpers.js';
import { makeMixed, makeScan, WATERMARK } from './scans.js';

const OUT = resolve('test-output/ocr');

const repaired = (line: string) => {
  const kinds: RepairKind[] = [];
  return { text: repairLine(line, (k) => kinds.push(k)), kinds };
};

describe('OCR repairs (normalize/ocr.ts)', () => {
  it('heading and item markers read with spaces or as commas', () => {
    expect(repaired('二，主要任务').text).toBe('二、主要任务');
    expect(repaired('三 .保障措施').text).toBe('三、保障措施');
    expect(repaired('（一 ）建立科学谋划体系').text).toBe('（一）建立科学谋划体系');
    expect(repaired('(二)大力实施').text).toBe('（二）大力实施');
    expect(repaired('人三）大力实施政府执行力提升工程').text).toBe('（三）大力实施政府执行力提升工程');
    expect(repaired('一）法治型政府建设').text).toBe('（一）法治型政府建设');
    expect(repaired('1 .加强政治建设').text).toBe('1.加强政治建设');
    expect(repaired('12，完善机制').text).toBe('12.完善机制');
    expect(repaired('( 3 )推进').text).toBe('（3）推进');
    expect(repaired('〈二〉强化执行').text).toBe('（二）强化执行');
    expect(repaired('C三)加强监督').text).toBe('（三）加强监督');
    expect(repaired('(-)指导思想').text).toBe('（一）指导思想');
    expect(repaired('-、总体要求').text).toBe('一、总体要求');
    expect(repaired('i.加强政治建设').text).toBe('1.加强政治建设');
    expect(repaired('新政发2018] 46号').text).toBe('新政发〔2018〕46号');
    expect(repaired('舟政办发〔2018〕150号')).toEqual({ text: '舟政办发〔2018〕150号', kinds: [] });
  });
  it('a project numeral that is no numeral, one character off the next of its series', () => {
    const lines = ['（十）加强监管。', '（二一）提高推广能力。', '（十二）推进创新。', '（二三）完善服务。', '二、主要任务', '（一）建立体系。', '（二一）不是下一个。'];
    const r = repairOcr(lines.map((text) => ({ text, page: 1 })));
    expect(r.lines).toEqual(['（十）加强监管。', '（十一）提高推广能力。', '（十二）推进创新。', '（十三）完善服务。', '二、主要任务', '（一）建立体系。', '（二一）不是下一个。']);
    expect(r.counts.marker).toBe(2);
  });
  it('markers already right are no repair, and are not counted', () => {
    for (const l of ['二、主要任务', '（一）建立', '1.加强政治建设', '3、推进', '2018年9月22日', '——坚持目标引领。']) {
      expect(repaired(l)).toEqual({ text: l, kinds: [] });
    }
  });
  it('digits read as Latin letters inside numbers of Chinese text, not in Latin words', () => {
    expect(repaired('到2O22年底').text).toBe('到2022年底');
    expect(repaired('l2月底前完成').text).toBe('12月底前完成');
    expect(repaired('l.加强政治建设').text).toBe('1.加强政治建设');
    expect(repaired('新政发〔2O18〕46号').text).toBe('新政发〔2018〕46号');
    expect(repaired('推广O2O模式').text).toBe('推广O2O模式');
    expect(repaired('ISO9001认证').text).toBe('ISO9001认证');
    expect(repaired('（责任单位：具府办、具发改局）具体负责').text).toBe('（责任单位：县府办、县发改局）具体负责');
  });
  it('brackets of a unit\'s aside that do not pair, and quotation marks, as Tesseract reads them', () => {
    expect(repaired('各县〈区》政府、市政府各部门党委《〈党组〉').text).toBe('各县〔区〕政府、市政府各部门党委〈党组〉');
    expect(repaired('各县《区》政府').text).toBe('各县〔区〕政府');
    expect(repaired('（责任单位：市政府各部门党委〔党组〕）').text).toBe('（责任单位：市政府各部门党委〔党组〕）');
    expect(repaired('（责任单位：县（市、区））').text).toBe('（责任单位：县（市、区））');
    expect(repaired('各市、县（市、区）]政府').text).toBe('各市、县（市、区）政府');
    expect(repaired('按照《意见》要求').text).toBe('按照《意见》要求');
    expect(repaired('围绕*两强三提高"目标，以`最多跑一次"改革为引领').text).toBe('围绕“两强三提高”目标，以“最多跑一次”改革为引领');
    expect(closeAsides('（责任单位：市法制办，各县（区政府、功能区管委会）', new Set(['区']), () => undefined)).toBe('（责任单位：市法制办，各县〔区〕政府、功能区管委会）');
    // a （ that opens a list is left alone when the line's parentheses pair
    expect(closeAsides('（区政府办公室、市发改委）', new Set(['区']), () => undefined)).toBe('（区政府办公室、市发改委）');
  });
  it('owner notes as Tesseract reads them: the （ as 人 or 〈, a label character, the ：', () => {
    expect(repaired('认真落实民主集中制。人责任单位：省人力社保厅、省公务员局）').text).toBe('认真落实民主集中制。（责任单位：省人力社保厅、省公务员局）');
    expect(repaired('推动政府工作提质增效。（真任单位：市政府办公室）')).toEqual({ text: '推动政府工作提质增效。（责任单位：市政府办公室）', kinds: ['note'] });
    expect(repaired('完善工作机制。〈牵头单位；市发改委，配合单位，市财政局）').text).toBe('完善工作机制。（牵头单位：市发改委，配合单位：市财政局）');
    expect(repaired('开展评估。责任单位：县府办）').text).toBe('开展评估。（责任单位：县府办）');
    // a label in running text, and a note already right, are no repair
    for (const l of ['由牵头单位负责统筹，各责任单位，要加强配合。', '（牵头单位：市发改委；配合单位：市财政局）', '个人责任单位：不是注']) {
      expect(repaired(l)).toEqual({ text: l, kinds: [] });
    }
  });
  it('the 〔〕 of an aside read as 【 and ], with a speck before the ]', () => {
    expect(repaired('（各市、县【市、区J]政府，省政府各部门党委【党组]）').text).toBe('（各市、县〔市、区〕政府，省政府各部门党委〔党组〕）');
    expect(repaired('省政府各部门党委【〔党组]）').text).toBe('省政府各部门党委〔党组〕）');
    expect(repaired('【典型案例】某县做法').text).toBe('【典型案例】某县做法');
  });
  it('quotation marks set by what stands beside them when one was lost', () => {
    expect(repaired('加快建设“大系统、大数据、大平台"。按照"全打通、全在线"要求推进').text).toBe('加快建设“大系统、大数据、大平台”。按照“全打通、全在线”要求推进');
    expect(repaired("做到'五个过硬\"，坚决维护").text).toBe('做到“五个过硬”，坚决维护');
    // an opening mark lost: the one left closes (no mark after it could), and an item's quoted name opens again
    expect(repaired('按照全打通、全在线"要求推进').text).toBe('按照全打通、全在线”要求推进');
    expect(repaired('7.赢在广州"大学生创业扶持项目。').text).toBe('7.“赢在广州”大学生创业扶持项目。');
    expect(repaired('1.深化"基层治理四平台”建设。').text).toBe('1.深化“基层治理四平台”建设。');
    expect(repaired('8.赢在广州"大学生创业扶持项目。每年评选"十佳"项目').text).toBe('8.“赢在广州”大学生创业扶持项目。每年评选“十佳”项目');
  });
  it('县 read as 具 at the start of a unit in a list', () => {
    expect(repaired('（责任单位：具编办、县发改局）').text).toBe('（责任单位：县编办、县发改局）');
    expect(repaired('（责任单位：县府办）具体负责').text).toBe('（责任单位：县府办）具体负责');
    expect(repaired('市科技局，各区具（市）人民政府').text).toBe('市科技局，各区县（市）人民政府');
  });
  it('what is left of pinyin glosses, only in a scan of glossed text', () => {
    const glossed = Array.from({ length: 12 }, (_, i) => ({ text: `加强作风(feng)建设第${i}项。`, page: 1 }));
    const r = repairOcr([...glossed, { text: '（责任单位：市政府各部门Imen））', page: 2 }, { text: '健全政务(wb标准', page: 2 }]);
    expect(r.lines.slice(-2)).toEqual(['（责任单位：市政府各部门）', '健全政务标准']);
    expect(repairOcr([{ text: '推广政务APP（iOS版）', page: 1 }, { text: '（责任单位：市政府各部门Imen）', page: 1 }]).lines).toEqual(['推广政务APP（iOS版）', '（责任单位：市政府各部门Imen）']);
  });
  it('an owner note broken over two lines is one paragraph', () => {
    const lines = ['1.深化行政执法体制改革。减少执法层级。（责任单位：省编办、省法制办，各市、县〔市、区〕', '政府）', '2.推广移动政务。推进移动政务试点。（责任单位：省级有关部门）'];
    const n = normalize(lines.join('\n'), { ocrLines: { pageOfLine: [1, 1, 1], pages: [1] } });
    expect(n.paragraphs.map((p) => p.text)).toEqual([lines[0] + lines[1], lines[2]]);
    expect(n.ocrRepairs).toMatch(/1 owner note brackets, labels or breaks/);
  });
  it('a unit name read with one character wrong, snapped to the document\'s spelling or a body\'s', () => {
    const para = (text: string, line: number) => ({ text, line, lines: [line] });
    const all = ['（责任单位：市政府法制办、市财政局）', '（责任单位：市政府法制办）', '（责任单位：市政府法制欠、市民政局）', '（责任单位：市政府法制闪、市审计后）', '（责任单位：市综治闪）', '（责任单位：县府各部门）', '（责任单位：县府各部门）', '（责任单位：有县府各部门、全县府各部门）'].map(para);
    const kinds: RepairKind[] = [];
    snapUnits(all, all.slice(2), (k) => kinds.push(k));
    expect(all.slice(2, 5).map((p) => p.text)).toEqual(['（责任单位：市政府法制办、市民政局）', '（责任单位：市政府法制办、市审计局）', '（责任单位：市综治办）']);
    expect(all[7].text).toBe('（责任单位：县府各部门、全县府各部门）');
    expect(kinds.length).toBe(5);
  });
  it('a note of its own line: the 。 lost before it, its label\'s ： read as ；, doubled, or a second label\'s ； lost', () => {
    const n = normalize(['（六）加大金融支持力度。确保贷款增速不低于平均增速', '责任单位；市地方金融监管局、市财政局', '（七）规范涉企收费。清单之外一律不得收费.', '责任单位：市发展改革委'].join('\n'), {
      ocrLines: { pageOfLine: [1, 1, 1, 1], pages: [1] },
    });
    expect(n.paragraphs.map((p) => p.text)).toEqual(['（六）加大金融支持力度。确保贷款增速不低于平均增速。', '责任单位：市地方金融监管局、市财政局', '（七）规范涉企收费。清单之外一律不得收费。', '责任单位：市发展改革委']);
    expect(n.ocrRepairs).toMatch(/2 full stops lost at a line end/);
    expect(repaired('（责任单位：：县教育局、县财政局）').text).toBe('（责任单位：县教育局、县财政局）');
    expect(repaired('（牵头单位：县生态环境分局：配合单位：县水利局）').text).toBe('（牵头单位：县生态环境分局；配合单位：县水利局）');
    expect(repaired('（牵头单位：县生态环境分局配合单位：县水利局）').text).toBe('（牵头单位：县生态环境分局；配合单位：县水利局）');
    // a line that is no note, and a sentence that ended, are left alone
    const ok = normalize(['1.加强领导。各地要落实责任。', '责任单位：县府办'].join('\n'), { ocrLines: { pageOfLine: [1, 1], pages: [1] } });
    expect(ok.ocrRepairs).not.toMatch(/full stop/);
  });
  it('a note\'s closing role word read one character off, and a note of units alone after its sentence', () => {
    expect(repaired('引导公众践行绿色生活方式。（生态环境部、住房城乡建设部旨导）').text).toBe('引导公众践行绿色生活方式。（生态环境部、住房城乡建设部指导）');
    expect(repaired('坚持市场主导。（政府引导、市场运作）').text).toBe('坚持市场主导。（政府引导、市场运作）');
    const lines = ['限制生产、销售一次性消费品，减少资源浪费。', '（商务部、文化和旅游部、国管局指导）', '（五）提升风险防控能力。'];
    const n = normalize(lines.join('\n'), { ocrLines: { pageOfLine: [1, 1, 1], pages: [1] } });
    expect(n.paragraphs.map((p) => p.text)).toEqual([lines[0] + lines[1], lines[2]]);
  });
  it('a project numeral read as a character that looks like it, in brackets, as the next of its series', () => {
    const r = repairOcr(['（四）加强设施建设。', '（五）培育服务商。', '（入）强化人才支撑。', '人、财、物保障到位。'].map((text) => ({ text, page: 1 })));
    expect(r.lines).toEqual(['（四）加强设施建设。', '（五）培育服务商。', '（六）强化人才支撑。', '人、财、物保障到位。']);
  });
  it('a unit name with one character misread inside, snapped to the one body of the table it is near', () => {
    const para = (text: string, line: number) => ({ text, line, lines: [line] });
    const all = ['（责任单位：县教育局、县工业和言息化局）', '责任单位：市发展改革委、市市场监管后'].map(para);
    snapUnits(all, all, () => undefined);
    expect(all.map((p) => p.text)).toEqual(['（责任单位：县教育局、县工业和信息化局）', '责任单位：市发展改革委、市市场监管局']);
  });
  it('the dash of a —— bullet read as 一', () => {
    expect(repaired('一一坚持问题导向。').text).toBe('——坚持问题导向。');
    expect(repaired('一—坚持系统推进。').text).toBe('——坚持系统推进。');
  });
  it('page numbers and running lines are dropped and counted', () => {
    const body = ['加强政治建设，坚决维护党中央权威。', '完善行政决策程序，重大决策依法履行程序。', '深入推进审批制度改革，推行网上办理。', '健全督查问责机制，强化结果运用。'];
    const lines = [];
    for (let p = 1; p <= 4; p++) {
      lines.push({ text: p % 2 ? '某某市人民政府办公室文件' : '某某市人民政府办公室文仵', page: p });
      lines.push({ text: body[p - 1], page: p });
      lines.push({ text: ['一3一-', '- 4 -', '— 5 —', '_6_'][p - 1], page: p });
    }
    const r = repairOcr(lines);
    expect(r.lines.filter((l) => l !== null)).toEqual(body);
    expect(r.counts['page-number']).toBe(4);
    expect(r.counts['running-line']).toBe(4);
  });
  it('only the lines of OCR pages are repaired', () => {
    const text = '二，主要任务\n二，主要任务';
    const n = normalize(text, { ocrLines: { pageOfLine: [1, 2], pages: [2] } });
    expect(n.paragraphs.map((p) => p.text)).toEqual(['二，主要任务', '二、主要任务']);
    expect(n.ocrRepairs).toMatch(/^1 OCR repair \(1 heading or item markers\)$/);
  });
});

const run = (text: string, y: number, size = 12, x = 80): TextRun => ({ text, x, y, w: text.length * size, size });
const page = (runs: TextRun[], cover: number, images = cover > 0 ? 1 : 0) => ({ content: { width: 595, height: 842, runs, rules: [] }, images, cover });
const body = Array.from({ length: 30 }, (_, i) => run('各乡镇人民政府、街道办事处，县府各部门：现印发给你们，请认真贯彻执行。', 100 + i * 22));

describe('a scanned table\'s borders (read/ocr-rules.ts)', () => {
  // a page image (PGM) with a 3-column, 3-row bordered table turned by `slope`, and some text strokes
  const W = 1200;
  const H = 900;
  const image = (slope: number) => {
    const data = new Uint8Array(W * H).fill(230);
    const ink = (x: number, y: number) => {
      const [X, Y] = [Math.round(x - y * slope), Math.round(y + x * slope)];
      for (let d = 0; d < 3; d++) if (X >= 0 && X < W && Y + d >= 0 && Y + d < H) data[(Y + d) * W + X] = 20;
    };
    const inkV = (x: number, y: number) => {
      const [X, Y] = [Math.round(x - y * slope), Math.round(y + x * slope)];
      for (let d = 0; d < 3; d++) if (X + d >= 0 && X + d < W && Y >= 0 && Y < H) data[Y * W + X + d] = 20;
    };
    for (const y of [200, 350, 500, 650]) for (let x = 100; x <= 1100; x++) ink(x, y);
    for (const x of [100, 250, 800, 1100]) for (let y = 200; y <= 650; y++) inkV(x, y);
    // a character's strokes inside a cell: short, and crossing no border
    for (let y = 240; y < 300; y++) inkV(300, y);
    for (let x = 300; x < 360; x++) ink(x, 270);
    const head = new TextEncoder().encode(`P5\n${W} ${H}\n255\n`);
    const bytes = new Uint8Array(head.length + data.length);
    bytes.set(head);
    bytes.set(data, head.length);
    return bytes;
  };
  it('finds the row and column borders of a turned page and its turn, not a character\'s strokes', () => {
    for (const slope of [0, 0.015, -0.02]) {
      const r = findRules(readPgm(image(slope))!, 300);
      expect(r.horizontal.length).toBe(4);
      expect(r.vertical.length).toBe(4);
      expect(r.slope).toBeCloseTo(slope, 2);
    }
    // whitened for Tesseract, the borders are gone and the character's strokes stay
    const g = readPgm(image(0.015))!;
    eraseRules(g, findRules(g, 300), 300);
    expect(findRules(g, 300).horizontal).toEqual([]);
    expect(g.data.filter((v) => v < 140).length).toBeGreaterThan(100);
    // text only: no borders, no turn (the page is read as before)
    const blank = readPgm(image(0))!;
    blank.data.fill(230);
    expect(findRules(blank, 300)).toMatchObject({ slope: 0, horizontal: [], vertical: [] });
    expect(readPgm(new TextEncoder().encode('P6\n2 2\n255\n0000'))).toBeUndefined();
  });
  it('set straight, the borders and the words make table rows with their cells', () => {
    const slope = 0.015;
    const r = findRules(readPgm(image(slope))!, 300);
    const scale = 72 / 300;
    // words placed in the turned image, as Tesseract reports them (left, top of each box)
    const at = (x: number, y: number) => [Math.round(x - y * slope), Math.round(y + x * slope)];
    const word = (text: string, x: number, y: number, line: number) => {
      const [X, Y] = at(x, y);
      return `5\t1\t1\t1\t${line}\t1\t${X}\t${Y}\t${40 * [...text].length}\t40\t95\t${text}`;
    };
    const tsv = ['level', word('1', 150, 260, 1), word('加快建设平台', 300, 260, 1), word('市科技局', 850, 260, 1), word('2', 150, 410, 2), word('培育服务商', 300, 410, 2), word('|', 795, 410, 2), word('市商务局', 850, 410, 2)].join('\n');
    const lines = layoutPages([{ width: W * scale, height: H * scale, runs: tsvRuns(tsv, scale, [], r.slope).filter((w) => w.text !== '|'), rules: pageRules(r, scale) }]);
    expect(lines.map((l) => l.text)).toEqual(['| 1 | 加快建设平台 | 市科技局 |', '| 2 | 培育服务商 | 市商务局 |']);
  });
  it('the lead mark of a table cell with 牵 misread, after a unit\'s name only', () => {
    expect(repaired('市工业和信息化局过头），市大数据发展管理局').text).toBe('市工业和信息化局（牵头），市大数据发展管理局');
    expect(repaired('市工业和信息化局（牵头），市科技局').kinds).toEqual([]);
    expect(repaired('抓好源头）').text).toBe('抓好源头）');
    expect(repaired('推进数据共享。（省大数据中心棕头，省司法厅、省财政厅配合）').text).toBe('推进数据共享。（省大数据中心牵头，省司法厅、省财政厅配合）');
    expect(repaired('各级政府带头，各部门配合').text).toBe('各级政府带头，各部门配合');
    expect(repaired('（市政府带头，各部门配合）').text).toBe('（市政府带头，各部门配合）');
  });
});

describe('which pages are scans (read/pdf.ts)', () => {
  it('a page image whose only text is a watermark repeated on the pages', () => {
    const pages = [1, 2, 3].map(() => page([run(WATERMARK, 830, 9, 450)], 1));
    expect(scannedPages(pages)).toEqual({ scans: [1, 2, 3], mark: WATERMARK });
  });
  it('a single page image with a stamp in a strip of it', () => {
    expect(scannedPages([page([run('扫描全能王', 800, 9), run('创建', 812, 9)], 0.98)]).scans).toEqual([1]);
  });
  it('a page image under a full text layer (a searchable PDF) and a page of text are not scans', () => {
    expect(scannedPages([page(body, 1), page(body, 0), page([], 1)]).scans).toEqual([3]);
  });
  it('short text on a page without a page-sized image is a text page (the last page of a notice)', () => {
    expect(scannedPages([page(body, 0), page([run('抄送：县委办。', 200)], 0.1)]).scans).toEqual([]);
  });
  it('page lists are short', () => {
    expect(pageList([1, 2, 3, 4, 7, 9, 10])).toBe('1–4, 7, 9, 10');
  });
  it('OCR words inside the watermark\'s box are left out', () => {
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '5\t1\t1\t1\t1\t1\t100\t100\t400\t40\t90\t正文', '5\t1\t2\t1\t1\t1\t1800\t3300\t300\t30\t90\t扫描全能王'].join('\n');
    const scale = 72 / 300;
    expect(tsvRuns(tsv, scale).map((r) => r.text)).toEqual(['正文', '扫描全能王']);
    expect(tsvRuns(tsv, scale, [{ x0: 420, x1: 520, y0: 780, y1: 810 }]).map((r) => r.text)).toEqual(['正文']);
  });
});

describe('the OCR cache (read/ocr-cache.ts)', () => {
  const dir = join(OUT, 'cache-unit');
  beforeAll(() => rmSync(dir, { recursive: true, force: true }));
  it('keeps a page by content hash, ignores corrupt entries and leaves no temporary file', () => {
    const c = new OcrCache('ab'.repeat(32), 'chi_sim', dir);
    expect(c.get(1, 300)).toBeUndefined();
    c.put(1, { dpi: 300, width: 2480, height: 3508, tsv: 'level\ttext' });
    expect(c.get(1, 300)).toEqual({ dpi: 300, width: 2480, height: 3508, tsv: 'level\ttext' });
    expect(c.get(1, 200)).toBeUndefined();
    expect(new OcrCache('cd'.repeat(32), 'chi_sim', dir).get(1, 300)).toBeUndefined();
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
    for (const bad of ['{"v":1,"dpi":300,"width":2480', '{"v":1,"dpi":300,"width":-1,"height":2,"tsv":""}', 'null', '']) {
      writeFileSync(join(files[0].parentPath, files[0].name), bad);
      expect(c.get(1, 300)).toBeUndefined();
    }
  });
});

describe('parse --format raw', () => {
  it('prints the text as read and normalised, one paragraph a line', async () => {
    const r = await runCli(['parse', FX.xinchang, '--format', 'raw']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`# ${FX.xinchang} · text`);
    expect(lines).toContain('二、主要任务');
    // a paragraph broken over lines in the file is one line here, as the parser reads it
    const n = await parseFile(FX.xinchang);
    for (const t of n.tasks) expect(lines.some((l) => l.startsWith(`${t.number}.${t.title}`) || l.includes(t.title))).toBe(true);
  });
  it('marks the pages of a PDF', async () => {
    const pdf = readdirSync('fixtures/unseen-25').find((f) => f.endsWith('.pdf'))!;
    const r = await runCli(['parse', join('fixtures/unseen-25', pdf), '--format', 'raw']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^# .*\.pdf · pdf · \d+ pages\n--- page 1 ---\n/);
    expect(r.out).toMatch(/\n--- page 2 ---\n/);
  });
  it('--ocr-pages must be a number of pages', async () => {
    const r = await runCli(['parse', FX.xinchang, '--ocr', '--ocr-pages', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--ocr-pages: "many" is not a number of pages/);
  });
});

describe('OCR progress', () => {
  it('OCR page n/N on a terminal, nothing on a pipe', () => {
    let out = '';
    const stderr = Object.assign(new Writable({ write: (c, _e, cb) => ((out += c), cb()) }), { isTTY: true, columns: 100 });
    const p = ocrProgress({ stdout: stderr, stderr, stdin: process.stdin, env: {} }, 'scan.pdf');
    p.onProgress!(3, 32);
    p.clear();
    expect(out).toContain('OCR page 3/32 · scan.pdf');
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
    const piped = ocrProgress({ stdout: stderr, stderr: new Writable({ write: (_c, _e, cb) => cb() }), stdin: process.stdin, env: {} }, 'scan.pdf');
    expect(piped.onProgress).toBeUndefined();
  });
});

const READY = existsSync('/usr/bin/chromium') && hasTool('tesseract') && hasTool('pdftoppm', '-v');

/**
 * Share of the text's tasks whose title the scan gives exactly, and whose owners (units, lead, assist)
 * the scan's task has — the task of the same title, else the one at the same place in the list.
 */
function agreement(text: Notice, scan: Notice): { titles: number; owners: number } {
  const owners = (t: Notice['tasks'][number]) => JSON.stringify([t.units, t.lead, t.assist]);
  const left = [...scan.tasks];
  let titles = 0;
  let same = 0;
  text.tasks.forEach((task, k) => {
    const i = left.findIndex((t) => t.title === task.title);
    if (i >= 0) titles++;
    const match = i >= 0 ? left.splice(i, 1)[0] : scan.tasks.length === text.tasks.length ? scan.tasks[k] : undefined;
    if (match && owners(match) === owners(task)) same++;
  });
  return { titles: titles / text.tasks.length, owners: same / text.tasks.length };
}

describe.skipIf(!READY && !process.env.CI)('phone-like scans of the seeds (tuned on)', () => {
  let browser: Browser;
  const scan = join(OUT, 'xinchang-scan.pdf');
  const mixed = join(OUT, 'zhoushan-mixed.pdf');
  const env = { NO_COLOR: '1' };
  const limits = process.env.PLANCMP_LIMITS;
  // a page takes ~5 s of a core, minutes when the machine is shared by several test runs
  process.env.PLANCMP_LIMITS = 'readSeconds=1800';
  afterAll(() => {
    if (limits === undefined) delete process.env.PLANCMP_LIMITS;
    else process.env.PLANCMP_LIMITS = limits;
  });
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    await makeScan(browser, readFileSync(FX.xinchang, 'utf8'), scan, join(OUT, 'work1'), { seed: 3, dpi: 170 });
    await makeMixed(browser, readFileSync(FX.zhoushan, 'utf8'), mixed, join(OUT, 'work2'), { seed: 5, dpi: 160, share: 0.6 });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('without --ocr: a scanned PDF, its watermark named, --ocr suggested', async () => {
    const r = await runCli(['parse', scan], { env });
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(new RegExp(`xinchang-scan\\.pdf: is a scanned PDF: its 4 pages are images \\(their only text is “${WATERMARK}”.* — run again with --ocr`));
  });

  it('with --ocr: ≥ 90 % of the titles exactly and of the owners, the repairs counted; a second run reads the cache', async () => {
    const r = await runCli(['parse', scan, '--ocr', '--format', 'json'], { env });
    expect(r.code, r.err).toBe(0);
    const n = JSON.parse(r.out) as Notice;
    expect(n.source.format).toBe('pdf-ocr');
    const a = agreement(await parseFile(FX.xinchang), n);
    expect(a.titles).toBeGreaterThanOrEqual(0.9);
    expect(a.owners).toBeGreaterThanOrEqual(0.9);
    const w = n.warnings.find((x) => x.code === 'ocr')!;
    expect(w.message).toMatch(new RegExp(`all of 4 pages were read by OCR .*watermark “${WATERMARK}” left out.*; \\d+ OCR repairs? `));
    expect(JSON.stringify(n.tasks)).not.toContain('扫描全能王');
    // the same file again: the same notice, from the cache (no OCR: a broken tesseract on PATH is never run)
    const again = await runCli(['parse', scan, '--ocr', '--format', 'json'], { env });
    expect(again.out).toBe(r.out);
    const cached = readdirSync(join(process.env.XDG_CACHE_HOME!, 'plancmp', 'ocr'), { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(cached.length).toBeGreaterThanOrEqual(5); // 4 pages and the whole reading
  }, 1_200_000);

  it('a mixed PDF: text pages read as text, the scanned ones skipped with a warning, or read with --ocr', async () => {
    const text = await parseFile(FX.zhoushan);
    const plain = await runCli(['parse', mixed, '--format', 'json'], { env });
    expect(plain.code, plain.err).toBe(0);
    const skipped = (JSON.parse(plain.out) as Notice).warnings.find((w) => w.code === 'pdf-image-pages')!;
    expect(skipped.message).toMatch(/^pages? [\d–, ]+ of \d+ (is a scan|are scans) \(images; their only text is the watermark “扫描全能王 创建”\) and (was|were) skipped; --ocr reads them$/);
    const r = await runCli(['parse', mixed, '--ocr', '--format', 'json'], { env });
    expect(r.code, r.err).toBe(0);
    const n = JSON.parse(r.out) as Notice;
    expect(n.source.format).toBe('pdf');
    expect(n.warnings.find((w) => w.code === 'ocr')!.message).toMatch(/^\d+ of \d+ pages were read by OCR/);
    const a = agreement(text, n);
    expect(a.titles).toBeGreaterThanOrEqual(0.9);
    expect(a.owners).toBeGreaterThanOrEqual(0.9);
    const raw = await runCli(['parse', mixed, '--ocr', '--format', 'raw'], { env });
    expect(raw.out).toMatch(/\n--- page 1 ---\n/);
    expect(raw.out).toMatch(/\n--- page \d+ \(OCR\) ---\n/);
  }, 1_200_000);
});
