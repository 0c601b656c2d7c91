// Dates of issue: 2018年4月28日, and the Chinese-numeral form 二〇一八年四月二十八日 (its zero often
// typed as the circle ○ or a capital Ｏ/O: 二○一一年十二月十五日).
const CN = '〇零○ＯO一二三四五六七八九';
const ZEROS = 5;

function digit(ch: string): number {
  const i = CN.indexOf(ch);
  return i < 0 ? NaN : i < ZEROS ? 0 : i - ZEROS + 1;
}

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    return (a ? digit(a) : 1) * 10 + (b ? digit(b) : 0);
  }
  let n = 0;
  for (const ch of s) n = n * 10 + digit(ch);
  return n;
}

const DATE = /^((?:19|20)\d{2}|[〇零○ＯO一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日/;

/** An ISO date if the text STARTS with a full date. */
export function parseDateAtStart(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = cnNumber(m[1]);
  const mo = cnNumber(m[2]);
  const d = cnNumber(m[3]);
  if (!(y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A paragraph that is only a date (成文日期 line), possibly followed by 印发. */
export function isDateLine(text: string): boolean {
  const m = DATE.exec(text);
  return !!m && text.length - m[0].length <= 3;
}
