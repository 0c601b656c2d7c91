// Web pages from some government sites print a pinyin gloss after characters: 發(fā), 會(huì ).
// Strip glosses only when the bracket holds a well-formed pinyin syllable, so real
// parentheses such as (2018—2022年), (試行) or (APP) are never touched.

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const VOWELS = `aeiouvü${TONED}`;
// initial? + vowel cluster + final?  — checked with a small hand-written matcher, not a regex,
// to keep the scan linear on hostile input.
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'z', 'c', 's', 'r', 'y', 'w'];

export function isPinyinSyllable(s: string): boolean {
  if (s.length === 0 || s.length > 7) return false;
  let i = 0;
  for (const ini of INITIALS) {
    if (s.startsWith(ini)) {
      i = ini.length;
      break;
    }
  }
  const vStart = i;
  while (i < s.length && VOWELS.includes(s[i])) i++;
  if (i === vStart) return false;
  const rest = s.slice(i);
  return rest === '' || rest === 'n' || rest === 'ng' || rest === 'r';
}

function hasTone(s: string): boolean {
  for (const ch of s) if (TONED.includes(ch)) return true;
  return false;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Remove pinyin glosses; returns the cleaned line and how many were removed. */
export function stripPinyin(line: string): { text: string; removed: number } {
  if (!line.includes('(') && !line.includes('（')) return { text: line, removed: 0 };
  let out = ''; // the line up to `from`, glosses removed
  let from = 0;
  let removed = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if ((ch === '(' || ch === '（') && i > 0) {
      const close = ch === '(' ? ')' : '）';
      // a gloss is short: look for its closing bracket within 10 characters only (an unbounded
      // indexOf per opening bracket is quadratic on a line of unclosed brackets)
      let end = -1;
      for (let k = i + 1; k < line.length && k - i <= 10; k++) {
        if (line[k] === close) {
          end = k;
          break;
        }
      }
      if (end > i) {
        const inner = line.slice(i + 1, end).trim();
        const prev = line[i - 1];
        // After a CJK character any syllable counts; after anything else (mojibake such as 茖W(xué))
        // demand a tone mark, which ordinary words in brackets never have.
        if (isPinyinSyllable(inner) && (CJK.test(prev) ? true : hasTone(inner))) {
          removed++;
          out += line.slice(from, i);
          i = from = end + 1;
          continue;
        }
      }
    }
    i++;
  }
  // (the text between glosses is copied in slices, not character by character)
  return removed === 0 ? { text: line, removed: 0 } : { text: out + line.slice(from), removed };
}
