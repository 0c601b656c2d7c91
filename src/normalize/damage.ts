// Damage is flagged, never hidden: each finding is a warning tied to the ORIGINAL line.
import type { Warning } from '../model.js';

const FURNITURE =
  /^(扫描二维码|掃描二維碼|关注我们|關注我們|打印本页|打印本頁|关闭窗口|關閉窗口|朗读|朗讀|分享到|字号[：:]|字體[：:]|【?打印】?|【?关闭】?|返回顶部|返回頂部|责任编辑|責任編輯|浏览次数|瀏覽次數|访问量|上一篇|下一篇|相关链接|相關鏈接|收藏本页)/;

/** A short line that is page chrome of a web page, not part of the notice. */
export function isFurniture(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 40 && FURNITURE.test(t);
}

/** Mojibake signs: U+FFFD, runs of ?? next to Chinese text, UTF-8 read as Latin-1, GBK read as UTF-8. */
export function findDamage(line: string, lineNo: number): Warning[] {
  const out: Warning[] = [];
  const fffd = line.indexOf('\uFFFD');
  if (fffd >= 0) {
    out.push({ code: 'replacement-char', line: lineNo, message: `replacement character (U+FFFD) near “${snippet(line, fffd)}”: text was lost when the file was decoded` });
  }
  const q = /[?？]{2,}/.exec(line);
  if (q && /[\u3400-\u9fff]/.test(line.slice(Math.max(0, q.index - 2), q.index + q[0].length + 2))) {
    out.push({ code: 'mojibake', line: lineNo, message: `garbled run “${snippet(line, q.index)}”: characters were lost (shown as ?)` });
  }
  const latin = /[\u00c0-\u00ef][\u0080-\u00bf]|[\u0080-\u009f]/.exec(line);
  if (latin) {
    out.push({ code: 'mojibake', line: lineNo, message: `garbled run “${snippet(line, latin.index)}”: looks like UTF-8 decoded with the wrong encoding` });
  }
  const kun = line.indexOf('锟斤拷');
  if (kun >= 0) {
    out.push({ code: 'mojibake', line: lineNo, message: `garbled run “${snippet(line, kun)}”: GBK text decoded as UTF-8 and saved again` });
  }
  return out;
}

function snippet(line: string, at: number): string {
  return line.slice(Math.max(0, at - 4), at + 8);
}

/** More of one damage code than this are reported once, with a count and the first lines. */
const REPEAT_LIMIT = 3;
const DAMAGE_CODES = new Set(['replacement-char', 'mojibake']);

/**
 * One warning per damage code when it repeats: a file decoded wrongly has damage on every line,
 * and 70 identical warnings bury the one message that matters. The first occurrence keeps its
 * line; the message gains “(×70, lines 3, 5, 8, …)”.
 */
export function aggregateDamage(warnings: Warning[]): Warning[] {
  const byCode = new Map<string, Warning[]>();
  for (const w of warnings) if (DAMAGE_CODES.has(w.code)) (byCode.get(w.code) ?? byCode.set(w.code, []).get(w.code)!).push(w);
  const out: Warning[] = [];
  for (const w of warnings) {
    const same = byCode.get(w.code);
    if (!same || same.length <= REPEAT_LIMIT) out.push(w);
    else if (same[0] === w) {
      const lines = same.slice(0, 5).map((x) => x.line).join(', ');
      out.push({ ...w, message: `${w.message} (×${same.length}, lines ${lines}${same.length > 5 ? ', …' : ''})` });
    }
  }
  return out;
}
