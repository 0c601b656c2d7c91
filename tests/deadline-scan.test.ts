// parse/deadline-patterns.ts finds time expressions by trying the sticky regex only where a table
// says one may start (nextDeadline): it must find exactly what the global regex's exec finds.
import { describe, it, expect } from 'vitest';
import { textsBelow } from './helpers.js';
import { deadlineRegex, nextDeadline } from '../src/parse/deadline-patterns.js';

function viaGlobal(t: string): string[] {
  const re = deadlineRegex();
  const out: string[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(`${m.index}:${JSON.stringify([...m])}`);
  }
  return out;
}
function viaScan(t: string): string[] {
  const out: string[] = [];
  for (let m = nextDeadline(t, 0); m; m = nextDeadline(t, m.index + Math.max(m[0].length, 1))) {
    if (m[0].length === 0) continue;
    out.push(`${m.index}:${JSON.stringify([...m])}`);
  }
  return out;
}

/** 60,000 strings of 1–14 pieces of `vocab` (seeded): the scan finds exactly what the global regex finds. */
function expectSameOnRandom(vocab: string[], seed: number): void {
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let t = 0; t < 60000; t++) {
    let s = '';
    const k = 1 + Math.floor(rnd() * 14);
    for (let i = 0; i < k; i++) s += vocab[Math.floor(rnd() * vocab.length)];
    const want = viaGlobal(s);
    const got = viaScan(s);
    if (got.join('\n') !== want.join('\n')) expect({ s, got }).toEqual({ s, got: want });
  }
}

describe('deadline scan', () => {
  it('equals the global regex on every fixture', () => {
    let found = 0;
    for (const t of textsBelow('fixtures')) {
      const want = viaGlobal(t);
      expect(viaScan(t)).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('equals the global regex on random strings of its own vocabulary', () => {
    const vocab = [
      ...'0123456789０１９〇零一二三四五六七八九十两半年每逐按分全用经通利力争截直到至从自执适今本当明月日号底末初中内天周旬季度个工作星期时间努力左右以之前后起开始来上下第止取过行规定时完成出台开展启动组建党中央国务院家级省市县区委政府和、及与有关相续近那这至少不低于容部涵在轮训攻坚动况方案计划纲要意见实施报告—-－–~～ \u3000\t，。；,;《》',
      '力争', '争取', '截至', '截止到', '直到', '经过', '通过', '利用', '执行', '按照', '适时', '年度', '全年', '年初', '年末', '年中',
      '上半年', '工作日', '星期', '季度', '2018', '2020', '二〇二〇', '以内', '之内', '之前', '以前', '以来', '开始', '以后', '行动方案', '规定执行', '省委', '党中央',
    ];
    expectSameOnRandom(vocab, 3);
  });

  it('equals the global regex on random strings of numerals, counts and units', () => {
    const vocab = ['一', '二', '两', '三', '十', '半', '〇', '零', '2', '0', '1', '９', '０', '个', '年', '月', '日', '号', '天', '周', '星期', '工作日', '内', '以内', '之内', '次', '度', '一次', '前', '底', '末', '季度', '轮训', '攻坚', '行动', '时间', '努力', ' ', '\u3000', '\t', '用', '到', '至', '从', '自', '每', '是', '按', '照', '规定', '执行', '省', '和', '上旬', '起', '以来', '—', '-', '~'];
    expectSameOnRandom(vocab, 17);
  });
});
