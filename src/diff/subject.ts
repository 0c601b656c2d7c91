// The subject a plan is named after. An implementation plan takes its name from its parent's
// subject: 国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见 is implemented by
// 沭阳县市场监管领域全面推行部门联合“双随机、一公开”监管工作实施方案, by 某市贯彻落实…的实施意见, by
// a …重点任务分工方案. The subject is the title less its issuer, 关于(印发)…的意见/通知 wrapping and year
// span; a local name is its title (or plan title) less the place, 贯彻落实/推进 wording and the genre
// word (实施方案, 实施意见, 工作方案, 分工方案 …).

import { containedShare } from '../align/text.js';

/** The genre words a lower level's plan ends with, longest first. */
const IMPLEMENTING_GENRE = /(?:重点任务分工方案|任务分工方案|分工方案|实施方案|实施意见|实施细则|工作方案|行动方案|行动计划|工作措施|若干措施|推进方案)$/;

/** A place or issuer at the front: 沭阳县, 浙江省人民政府办公厅, 某某市, 国务院办公厅. */
const ISSUER_PREFIX = /^(?:[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|州|盟|县|区|旗)(?:人民)?(?:政府)?(?:办公厅|办公室)?|国务院(?:办公厅)?|中共中央(?:办公厅)?)/;

/** A province, city or county name at the front of a title (黑龙江省, 广州市, 富裕县). */
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,4}?(?:省|自治区|市|县|区|州)(?:人民政府(?:办公厅|办公室)?)?(?=[\u4e00-\u9fff]{4,})/;
/** Words that end as places do but are none (加快城市更新, 推进社区治理, 老旧小区改造). */
const NOT_A_PLACE = /(?:城市|都市|门市|超市|夜市|街区|社区|园区|景区|城区|小区|山区|林区|矿区|牧区|市区|地区|辖区|新区|特区|片区|功能区|示范区|开发区|试验区|自贸区)(?:人民政府(?:办公厅|办公室)?)?$/;

function plain(s: string): string {
  return s
    .replace(/[“”"‘’《》〈〉「」『』\s]/g, '')
    .replace(/[（(][^（）()]*年[^（）()]*[）)]/g, '') // （2018—2022年）
    .replace(/的(?:通知|意见|指导意见|实施意见|决定)$/, '');
}

/** The base's subject: 在市场监管领域全面推行部门联合双随机、一公开监管. */
export function baseSubject(title: string): string {
  let s = plain(title);
  const about = s.indexOf('关于');
  if (about >= 0) s = s.slice(about + 2);
  // a title without 关于 opens with its issuer's place (黑龙江省促进经济稳增长的若干措施)
  else s = s.replace(PLACE_PREFIX, (m) => (NOT_A_PLACE.test(m) ? m : ''));
  s = s.replace(/^印发/, '').replace(/^在/, '');
  s = plain(s);
  // a forwarded request or report is named after its matter: 转发国家教委关于X有关问题请示的通知 → X
  s = s.replace(/(?:有关|若干)?问题(?:的)?(?:请示|报告)$|(?:的)?(?:请示|报告)$/, '');
  // a national subject names its own level: 国家职业教育改革 is implemented as 浙江省职业教育改革实施方案
  return s.replace(IMPLEMENTING_GENRE, '').replace(/的$/, '').replace(/^(?:国家|全国)/, '');
}

/** The local plan's name with place, wording and genre taken off: 市场监管领域全面推行部门联合双随机、一公开监管工作. */
export function localName(title: string): { name: string; genre: boolean } {
  let s = title.replace(/[“”"‘’《》〈〉「」『』\s]/g, '').replace(/[（(][^（）()]*年[^（）()]*[）)]/g, '');
  const wrapped = s.indexOf('关于印发');
  // 关于印发…方案的通知 wraps the plan's name; 关于贯彻落实…的实施意见 is the name itself
  if (wrapped >= 0) s = s.slice(wrapped + 4).replace(/的通知$/, '');
  else if (s.includes('关于')) s = s.slice(s.indexOf('关于') + 2);
  s = s.replace(ISSUER_PREFIX, '');
  const genre = IMPLEMENTING_GENRE.test(s);
  s = s
    .replace(IMPLEMENTING_GENRE, '')
    .replace(/的$/, '')
    .replace(/^(?:关于)?(?:贯彻落实|贯彻|落实|认真贯彻|深入推进|加快推进|全面推进|推进|进一步)/, '')
    .replace(/^(?:国务院|国务院办公厅|省政府|省人民政府)?(?:关于)?/, '')
    .replace(/^在/, '')
    .replace(/(?:的)?(?:工作)?$/, '');
  return { name: s, genre };
}

/**
 * The base's subject, when the local opening says it acts on it (根据国家关于X的部署: the subjects of
 * Reference.subject) — a citation without title or 文号.
 */
export function refersToSubject(baseTitles: string[], subjects: string[], share: number): string | undefined {
  for (const bt of baseTitles) {
    const subject = baseSubject(bt);
    if (subject.length < 6) continue;
    for (const s of subjects) if (containedShare(subject, plain(s).replace(/^在/, '')) >= share) return subject;
  }
  return undefined;
}

/**
 * Whether a local title is named after the base's subject: its name (place, wording and genre word
 * off) holds at least `share` of the subject's bigrams, and the subject is long enough to be a name.
 */
export function namedAfterSubject(baseTitles: string[], localTitles: string[], share: number): string | undefined {
  for (const bt of baseTitles) {
    const subject = baseSubject(bt);
    if (subject.length < 6) continue;
    for (const lt of localTitles) {
      const { name, genre } = localName(lt);
      if (!genre || name.length < 4) continue;
      if (containedShare(subject, name) >= share) return subject;
    }
  }
  return undefined;
}
