// The document vocabulary of GB/T 9704 notices, in one place: heading markers, Chinese numerals,
// unit labels and role words, header labels, and the titles of parts that hold no tasks.
// normalize/ (page-break re-join) and parse/ (headings, owner notes, header) both read it.

/** Heading styles in GB/T 9704 order: 一、 / （一） / 1. / （1） / ①. */
export type HeadingLevel = 'part' | 'project' | 'item' | 'subitem' | 'circled';
export const HEADING_ORDER: readonly HeadingLevel[] = ['part', 'project', 'item', 'subitem', 'circled'];

export const CN_NUMERALS = '一二三四五六七八九十';
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 九十九, enough for heading markers. */
export function chineseNumeral(s: string): number {
  if (s === '十') return 10;
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]] ?? NaN) * 10 + (CN_DIGITS[s[2]] ?? NaN);
  return NaN;
}

const CN_WRITTEN_DIGITS = '〇一二三四五六七八九';

/** 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting). */
export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : CN_WRITTEN_DIGITS[d]) + unit;
    }
  });
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Marker patterns; group 1 is the number as written. Text is width-unified before it gets here. */
/** An article headed by a short title sentence, as a measure is (第一条 培育OPC创新主体。), not a rule's clause (第一条 为了…，). */
export const HEADED_ARTICLE = /^第([一二三四五六七八九十百零〇]{1,5})条(?=[ \u3000]*[^，,。；;：:\s]{2,24}。)/;
/** A lead sentence: a short title closed by 。 with no clause break (明确审核范围。). */
export const LEAD_SENTENCE = /^[^，,。；;：:、]{2,20}。/;

export const HEADING_PATTERNS: { level: HeadingLevel; re: RegExp; value: (n: string) => number }[] = [
  { level: 'part', re: /^([一二三四五六七八九十]{1,3})[、.](?!\d)/, value: chineseNumeral },
  { level: 'project', re: /^[（(]([一二三四五六七八九十]{1,3})[）)][、.]?/, value: chineseNumeral },
  // 4–6 digits only before a '.' (item 1000. of a long list), never before 、 or a space (2018、2019年…)
  { level: 'item', re: /^(\d{1,3}|[1-9]\d{3,5}(?=\.(?!\d)))(?:[.、](?!\d)|\s)/, value: Number },
  // a theme heading of a web page or a news repost: 01 教育 (the space goes in width unification),
  // a zero-padded number and a short title alone on its line
  // (or not padded, 1 医疗卫生, when what follows the number counts nothing: not 5个工作日, 3项)
  { level: 'item', re: /^(0[1-9]|[1-9]\d?)(?![个项年月日天次人万亿元件处所条])(?=[\u4e00-\u9fff]{2,12}$)/, value: Number },
  { level: 'subitem', re: /^[（(](\d{1,3})[）)]/, value: Number },
  // the single characters ⑴…⒇ (parenthesized digits) of word processors and web pages
  { level: 'subitem', re: /^([⑴-⒇])/, value: (n) => n.charCodeAt(0) - 0x2473 },
  { level: 'circled', re: /^([①-⑳])/, value: (n) => CIRCLED.indexOf(n) + 1 },
  // measures numbered as articles, each headed by a short title sentence (第一条 培育创新主体。…): items
  // (a regulation's article opens with a clause, 第一条 为了规范…，根据…: no title, no heading)
  { level: 'item', re: HEADED_ARTICLE, value: chineseNumeral },
  // a list written one 一是… / 二是… per paragraph (为民办实事 lists, reports' task lists): items
  { level: 'item', re: /^([一二三四五六七八九十]{1,3})是(?=[^，,。；：:]{2})/, value: chineseNumeral },
];

/**
 * Labels that open a unit field: 责任单位：… / 牵头单位：… (LEAD_LABELS name the lead). A label is a role
 * word and a kind of body: a bureau's plan names its internal offices (牵头处室：…, 责任科室：…,
 * 牵头指导处室：…) as a government's plan names departments.
 */
const BODY_KINDS = ['单位', '部门', '处室', '科室', '机构'];
const labels = (roles: string[], extra: string[] = []) => [...roles.flatMap((r) => BODY_KINDS.map((k) => r + k)), ...extra];
// (a role word alone is a label too where a colon follows it: （牵头：街道党政办公室；配合：街道司法所）)
export const PLAIN_UNIT_LABELS = labels(['责任', '实施', '承办'], ['责任主体', '主办单位', '责任']);
/** 负责部门：… names the units that 负责 (lead), as an unlabelled “…负责” does. */
export const RESPONSIBLE_UNIT_LABELS = labels(['负责']);
export const LEAD_UNIT_LABELS = labels(['牵头', '主责', '牵头领导', '牵头责任', '牵头实施', '牵头指导', '牵头负责'], ['牵头', '主责']);
// (a target list's 数据提供单位 supplies the figures: it assists)
export const ASSIST_UNIT_LABELS = labels(['配合', '协办', '参与', '协同', '协助', '参加', '协同责任', '配合责任', '数据提供'], ['配合', '协办']);
export const GUIDE_UNIT_LABELS = labels(['指导']);
/** Fields that may share a unit bracket: a deadline, or a scope the reader does not need. */
export const TIME_LABELS = ['完成时间', '完成时限', '完成期限', '时间要求', '时间节点', '时限要求', '时限'];
/** (a person in charge — 牵头负责领导：… — is no unit: the field is read past) */
export const OTHER_FIELD_LABELS = ['适用范围', '实施范围', '备注', '牵头负责领导', '责任领导', '分管领导', '牵头领导', '负责领导', '联系领导'];

/** Role words written after unit names: 农业农村部牵头，财政部参与. Longest first. */
export const ROLE_WORDS: { word: string; role: 'lead' | 'assist' | 'guide' }[] = [
  // bodies carrying the measures out by their duties (市政府各部门按照职责分工负责落实)
  { word: '按照职责分工负责落实', role: 'lead' },
  { word: '按职责分工负责落实', role: 'lead' },
  { word: '按照职责分工负责', role: 'lead' },
  // a government carrying the measures out in its own area (各区县政府负责本辖区落实)
  { word: '负责本行政区域内落实', role: 'lead' },
  { word: '负责本辖区落实', role: 'lead' },
  { word: '负责本地区落实', role: 'lead' },
  { word: '牵头负责', role: 'lead' },
  // a lead that gathers the figures of an indicator the others report (县发改局牵头汇总)
  { word: '牵头汇总', role: 'lead' },
  { word: '牵头落实', role: 'lead' },
  { word: '负责落实', role: 'lead' },
  { word: '抓好落实', role: 'lead' },
  // a body that sees the measures carried out in its own area (区市场监管局组织落实; 各市结合实际落实)
  { word: '结合实际落实', role: 'lead' },
  { word: '组织落实', role: 'lead' },
  { word: '组织实施', role: 'lead' },
  { word: '具体落实', role: 'lead' },
  { word: '按职责分工负责', role: 'lead' },
  { word: '按职责负责', role: 'lead' },
  { word: '按照职责负责', role: 'lead' },
  { word: '分别负责', role: 'lead' },
  { word: '分别牵头', role: 'lead' },
  { word: '共同负责', role: 'lead' },
  { word: '牵头', role: 'lead' },
  { word: '负责', role: 'lead' },
  { word: '主责', role: 'lead' },
  { word: '主办', role: 'lead' },
  { word: '落实', role: 'lead' },
  { word: '参与', role: 'assist' },
  // the body that supplies an indicator's figures (县统计局提供数据)
  { word: '提供数据', role: 'assist' },
  { word: '配合', role: 'assist' },
  { word: '协同', role: 'assist' },
  { word: '协助', role: 'assist' },
  { word: '协办', role: 'assist' },
  { word: '指导', role: 'guide' },
];

/**
 * A heading that names the body leading everything under it — a 目标责任分解 sorted by who leads:
 * （一）省审计厅牵头的工作 / 二、市发展改革委负责的工作. Group 1 is the body.
 */
export const HEADING_OWNER = /^(.{2,30}?)(?:牵头|负责|主办|承办)的(?:工作|任务|事项)$/;
/** A sentence that makes the first unit of every later note its lead: 列第一位者为牵头单位，下同. */
export const FIRST_IS_LEAD = /(?:列|排|排列|排名)(?:在)?(?:第一位|首位|第一)(?:的|者)?(?:部门|单位)?(?:者)?为牵头(?:单位|部门)?/;
/**
 * A note that puts a unit on every later task without writing it: 以下均需试点城市政府落实，不再列出 (an aside may
 * come between: 以下均需区市场监管局落实，市局执法总队负责化工区内的监管，不再单独列出).
 */
export const IMPLIED_OWNER = /以下(?:各项)?(?:任务)?(?:均|都|皆)?(?:需|须|由|要|应)?(?:涉及(.{2,30}?)|(.{2,30}?)(?:负责)?(?:落实|实施|负责|承担))(?:[，,；;][^。，,；;]{2,60}?)?[，,]?(?:不再|不另|不一一)(?:重复|单独)?(?:一一)?列出/;

/** Ends of unit names (省发展改革委, 工业和信息化部, 供销合作总社, 各区、县级市). */
export const UNIT_END = /(政府|中央|党组|党委|部门|单位|办公室|办公厅|办|局|委|厅|中心|室|院|会|处|所|组|队|部|署|站|行|支|区|街道|镇|乡|公司|集团|银行|社|总署|海关|市|县|团|联|协|庭)〕?$/;
export const UNIT_START = /^(省|市|县|区|各|中|国家|国务院|人行|有关|相关|其他|全国|自治区|地方)/;

/** Header field labels of a web page's metadata table (索引号 / 发文机关 / 成文日期 …). */
export const META_LABELS = [
  '索引号', '主题分类', '主题词', '发文机关', '发布机构', '发文单位', '成文日期', '发文日期', '发布日期', '标题', '名称',
  '发文字号', '文件编号', '文号', '公文种类', '公开方式', '公开范围', '有效性', '体裁分类', '组配分类', '信息来源', '来源',
];

/** The verbs a measure opens with (1.打造长三角智算中心：…): a body's name never opens with one, so such an item names no body. */
export const ACT_OPENING = /^(?:建设(?![局委厅和]|管理)|打造|构建|推进|推动|加快|提升|培育|完善|强化|加强|实施|开展|建立|健全|深化|优化|争创|创建|引进|聚焦|支持|鼓励|探索|做强|做大|做优|壮大|夯实|拓展|扩大|促进|深入|全面|大力|积极|持续|着力|围绕|依托|建成|组建|设立|筹建|升级|布局)/;

/** Titles of parts and projects that frame a plan rather than give it tasks. */
export const NON_ACTION_TITLE =
  /^(总体要求|总体思路|总体目标|指导思想|基本原则|工作原则|主要目标|发展目标|工作目标|目标任务|重大意义|重要意义|适用范围|试点范围|实施范围|实施步骤|实施安排|进度安排|工作步骤|步骤安排|时间安排|保障措施|组织保障|组织实施|组织领导|工作要求|有关要求|其他事项|附则|目标|原则|背景|意义)$/;
/** Part titles that announce a task list. */
export const ACTION_TITLE = /任务|重点工作|主要工作|工作内容|主要措施|重点举措|具体措施|政策措施|工作措施|重点项目|行动|工程|举措/;

// ── Part roles (issue 25). A plan by GB/T 9704 habit opens with frame parts (总体要求 …), states its
// measures in action parts whatever their titles, and closes with safeguard parts (保障措施 …) and at
// times a schedule (实施步骤). The cores below name those roles; a title is read as a role only when
// it is made of them (frame) or contains one and stands where that role stands (safeguard, schedule).

/** Words a frame part's title is made of: 一、总体要求 / 一、指导思想和基本原则 / 一、充分认识…的重要意义. */
export const FRAME_CORES = [
  '总体要求', '总体思路', '总体目标', '总体考虑', '总体安排', '指导思想', '基本原则', '工作原则', '主要原则', '基本思路', '工作思路',
  '主要目标', '发展目标', '工作目标', '目标要求', '目标任务', '任务目标', '具体目标', '预期目标', '基本目标', '试点目标',
  '重大意义', '重要意义', '适用范围', '试点范围', '实施范围', '工作范围', '治理范围', '整治范围', '排查范围', '检查范围', '覆盖范围', '实施原则', '基本要求', '总要求', '原则', '目标', '意义', '背景', '现状', '形势',
  // where the plan starts from (一、现状分析 / 发展基础 / 面临形势 / 机遇与挑战): what is, not what is to be done
  '现状分析', '发展现状', '发展基础', '现实基础', '工作基础', '产业基础', '基本情况', '发展形势', '面临形势', '形势分析',
  '存在问题', '主要问题', '存在的问题', '短板', '机遇', '挑战',
  // whom the measures serve and where they are laid out (二、服务对象与主体认定 / 三、空间布局): who
  // qualifies and which zone hosts what, not what is to be done
  '服务对象', '支持对象', '扶持对象', '适用对象', '主体认定', '认定条件', '认定标准', '申报条件', '范围',
  '空间布局', '空间承载体系', '空间承载', '产业布局', '区域布局', '总体布局', '功能布局', '发展布局',
  // the list of a plan's attachments (六、附件 1.路径表 2.政策诉求清单): what is appended, not done
  '附件', '附表', '附录',
  // definitions a plan opens with (一、核心定义 / 名词解释): what its words mean, not what is to be done
  '核心定义', '有关定义', '相关定义', '基本概念', '名词解释', '术语', '定义', '概念',
];
/** A title that is a frame part when nothing but these words, connectors and fillers remain. */
export const FRAME_FILLER = /^(?:和|与|及|以及|、|，|的|充分|深刻|切实|进一步|提高|统一|认识|思想|明确|坚持)*$/;
/** An opening exhortation part: 一、提高思想认识 / 一、充分认识…的重要意义 / 一、统一思想. */
export const FRAME_EXHORTATION = /(?:认识|意义|统一思想)$|^(?:充分|深刻|进一步)?(?:认识|提高认识)/;
/** Indicator parts describe measures of progress, not tasks: 二、指标体系 / 三、主要指标. */
export const INDICATOR_TITLE = /^(?:主要|核心|评价|考核|监测|发展)?指标(?:体系|说明|解释)?$/;
/** Safeguard cores: 四、保障措施 / 五、加强组织领导 / 六、加大组织保障力度 / 七、做好改革组织实施工作. */
export const SAFEGUARD_CORE = /保障措施|组织保障|加强领导|组织实施|组织领导|组织形式|组织架构|组织机构|工作要求|有关要求|相关要求|实施保障|工作保障|保障机制|组织推进|推进落实|抓好落实|督促落实|督查落实|督查|督导|督促检查|监督检查|考核评估|监督考核|督查考核|其他事项|附则/;
/** A part that only hands the measures above to bodies (三、职责分工 本方案各项任务由…牵头): no measure of its own. */
export const DUTY_PART_TITLE = /^(?:职责分工|责任分工|部门职责|分工负责|任务分工|工作分工|责任分解|任务分解)$/;
/** Schedule parts: 实施步骤 / 基本步骤 / 工作进度 / 时间安排. */
export const SCHEDULE_CORE = /实施步骤|工作步骤|推进步骤|基本步骤|主要步骤|步骤安排|方法步骤|时间步骤|进度安排|时间安排|时间进度|工作进度|实施进度|阶段安排|实施安排|进度要求|时间节点|工作安排|实施阶段/;
/** Closing themes that are also measures of their own: telling the public, training the staff (四、做好业务培训和宣传引导). */
export const OUTREACH_THEME = /宣传|舆论|氛围|培训/g;
/** What the items of a safeguard part are about: leadership, supervision, publicity, funds, staff. */
export const SAFEGUARD_THEME = /领导|督查|督导|督促|考核|监督|检查|评估|宣传|舆论|氛围|培训|经费|资金保障|投入|队伍|统筹协调|组织协调|协调机制|联席会议|责任落实|工作落实|压实责任|落实责任|工作机制|总结|信息报送/;

// ── Document kinds (文种). A notice that is not a plan has no tasks, whatever lists it holds.
/** Kinds that carry a plan's tasks (the attached plan's own kind when a 通知 印发s one). */
export const PLAN_KINDS = ['实施方案', '工作方案', '行动方案', '行动计划', '工作计划', '实施计划', '实施意见', '指导意见', '意见', '方案', '计划', '要点', '规划', '纲要', '清单', '措施', '举措', '安排', '任务', '分工', '通知'];
/** Kinds that are not plans: replies, decisions, reports, regulations, contingency plans. */
/**
 * Kinds that are not plans but state policy a lower level writes its own 实施意见 for (a 规定 or 办法
 * of numbered measures, a 决定 of 一、（一） items): `diff` compares them by those items. Replies,
 * bulletins, orders, reports and regulations in articles stay without tasks.
 */
export const IMPLEMENTED_KINDS = ['规定', '办法', '细则', '决定'];
export const NON_PLAN_KINDS = ['批复', '复函', '答复', '回复', '函', '决定', '决议', '通报', '公告', '通告', '公报', '条例', '规定', '办法', '细则', '规则', '规程', '章程', '预案', '命令', '令', '报告', '请示', '纪要', '议案', '公示'];

// ── Obligation strength (issue 32). How binding a requirement is, by the modal or verb word that
// states it. Classes from strongest to weakest; `prohibited` is a class apart (a ban). Longest words
// first within a class so 应当 is read before 应, 不得 before 得.
export type StrengthClass = 'prohibited' | 'binding' | 'expected' | 'encouraged' | 'permitted';
export const STRENGTH_WORDS: { cls: StrengthClass; words: string[]; why: string; qualifier?: boolean }[] = [
  // a ban: the lower level may not weaken it into an aim
  // (杜绝 is not one: 杜绝答非所问、空洞说教 puts an end to a fault, an aim like 避免, not a rule)
  { cls: 'prohibited', words: ['严禁', '禁止', '不得', '不准', '不许', '一律不'], why: 'forbids' },
  // a duty with no room: must, shall, ensure
  // (要坚决: 要 made firm by 坚决 leaves no room, as 一律 does — 要坚决关停 → 一律关停 is no change)
  { cls: 'binding', words: ['必须', '务必', '应当', '确保', '一律', '只能', '要坚决', '须', '应'], why: 'must be done' },
  // the default imperative of a plan: 要 / 需
  { cls: 'expected', words: ['需要', '要', '需'], why: 'is to be done' },
  // a soft ban: avoid, in principle not — weaker than 不得, as strong as a plain imperative
  { cls: 'expected', words: ['原则上不', '一般不', '尽量不', '避免', '防止', '杜绝'], why: 'is to be avoided' },
  // an aim or an encouragement: strive for, encourage, support, explore, where conditions allow
  { cls: 'encouraged', words: ['力争', '争取', '鼓励', '支持', '引导', '探索', '倡导', '尽量'], why: 'is striven for or encouraged' },
  // a scope that softens a duty to the places able to do it; a modal word in its clause decides
  // (有条件的县可组建 is a permission)
  { cls: 'encouraged', words: ['有条件的地区', '有条件的'], why: 'is asked only where conditions allow', qualifier: true },
  // in principle: a duty with exceptions left open, just below the same duty stated outright
  // (原则上只能 < 只能, 原则上实行 < 实行); the modal word in its clause decides the class
  { cls: 'expected', words: ['原则上'], why: 'is the rule, exceptions allowed', qualifier: true },
  // leave to choose
  { cls: 'permitted', words: ['可以', '允许', '可'], why: 'may be done' },
];
/** Rank of each class: a change to a lower rank weakens the obligation. */
export const STRENGTH_RANK: Record<StrengthClass, number> = { prohibited: 5, binding: 4, expected: 3, encouraged: 2, permitted: 1 };
/**
 * Words whose strength sits below their class when two clauses are compared. 应 / 应当 bind (as
 * "shall" does) but read as weaker than 必须 / 须 / 确保 and no firmer than 要: 应 → 必须 is
 * strengthened, 应 → 要 is no change.
 */
export const WORD_RANK: Record<string, number> = { 应当: 3, 应: 3, 原则上: 2.5 };
/** How far 原则上 lowers the word it qualifies (原则上只能 against 只能). */
export const IN_PRINCIPLE = { pattern: /原则上(?!不)/, lowers: 0.5 };
/**
 * Soft words that hedge the actor's own commitment (strive for, as far as possible, explore): against a plain
 * sentence they are a change. The other soft words (鼓励, 支持, 引导, 倡导) speak of what others are
 * encouraged to do, and a plan rewrites them into plain sentences and back as a matter of style.
 */
export const AIM_WORDS = ['力争', '争取', '尽量', '探索'];
/**
 * Of the soft words, those that hand a task to others' free will (鼓励企业…, 倡导…): a plain duty of
 * the parent restated with one is no longer the lower level's own duty, so weakened. The other way
 * (鼓励 → a plain sentence) stays style: a lower level mostly restates the same encouragement in
 * its own words (推动高校开放 for 鼓励高校开放), and 支持 / 引导 mostly name its own support.
 */
export const HEDGE_WORDS = ['鼓励', '倡导'];
/**
 * Who an encouragement speaks to when it speaks to the lower levels themselves (鼓励有条件的地方…,
 * 支持各区（县、市）…, 鼓励开发区设立…): a lower level that states the act as its own plain duty has
 * taken up what it was only encouraged to do.
 */
export const LOWER_LEVELS = /^(?:有条件|具备条件|符合条件)?的?(?:各)?(?:地方|地区|地市|市州|市县|城市|区域|省份|县（市、区）|县\(市、区\)|县市区|区县|各地|开发区|园区|功能区|[省市县区](?=[（(、，,]|[^\u4e00-\u9fff]|[对在按结为开建制出发实设推探配][\u4e00-\u9fff]))/;

/**
 * Qualifiers that split one indicator into parts of a whole: 城镇居民人均可支配收入 and 农村居民
 * 人均可支配收入 share every other word but are two indicators (align/indicators.ts). A whole (城乡)
 * is none of its parts' contrast.
 */
export const INDICATOR_CONTRASTS: [string, string][] = [
  ['城镇', '农村'], ['城市', '农村'], ['城镇', '乡村'], ['城市', '乡村'], ['城区', '农村'],
  ['出口', '进口'], ['第一产业', '第二产业'], ['第二产业', '第三产业'], ['第一产业', '第三产业'],
  ['男性', '女性'], ['小学', '初中'], ['初中', '高中'], ['一般公共预算', '政府性基金'],
];

// ── Numeric targets (issue 32): a comparator, a number and its unit, measuring an indicator.
/** Comparators before the number; `max` ones cap the value (a lower number is more ambitious). */
export const TARGET_BEFORE: { word: string; bound: 'min' | 'max' }[] = [
  { word: '力争达到', bound: 'min' }, { word: '达到', bound: 'min' }, { word: '不低于', bound: 'min' }, { word: '不少于', bound: 'min' },
  { word: '超过', bound: 'min' }, { word: '提高到', bound: 'min' }, { word: '提高至', bound: 'min' }, { word: '提升到', bound: 'min' },
  { word: '提升至', bound: 'min' }, { word: '增加到', bound: 'min' }, { word: '增至', bound: 'min' }, { word: '达', bound: 'min' },
  { word: '新增', bound: 'min' }, { word: '建成', bound: 'min' }, { word: '培训', bound: 'min' }, { word: '完成', bound: 'min' },
  { word: '控制在', bound: 'max' }, { word: '不超过', bound: 'max' }, { word: '不高于', bound: 'max' }, { word: '降低到', bound: 'max' },
  { word: '降低至', bound: 'max' }, { word: '降至', bound: 'max' }, { word: '压缩至', bound: 'max' }, { word: '压缩到', bound: 'max' },
  { word: '缩短至', bound: 'max' }, { word: '缩短到', bound: 'max' }, { word: '减少到', bound: 'max' },
  { word: '至少', bound: 'min' }, { word: '最低', bound: 'min' }, { word: '超', bound: 'min' }, { word: '累计', bound: 'min' },
  { word: '每年', bound: 'min' }, { word: '年均', bound: 'min' },
  { word: '最高', bound: 'max' }, { word: '最长', bound: 'max' }, { word: '最多', bound: 'max' },
  // a rate of change (地区生产总值增长12%, 能耗下降3.5%, 比重提高1.5个百分点): the more the more ambitious;
  // after the …到 / …至 forms above, which set a level
  { word: '增长', bound: 'min' }, { word: '下降', bound: 'min' }, { word: '提高', bound: 'min' }, { word: '降低', bound: 'min' }, { word: '减少', bound: 'min' },
];
/** Verbs that make a bare count in their clause a target: 评选优秀应用10个, 组建陪跑团50个. */
export const TARGET_VERBS = ['评选', '举办', '组建', '引进', '培育', '打造', '形成', '认定', '集聚', '筹集', '遴选', '扶持', '吸引', '推出', '新建', '改造', '开放', '挖掘', '投资', '覆盖', '招引', '孵化', '给予', '奖励', '补助', '安排', '修复', '创建', '建设', '设置', '推动', '推进', '配备', '安装', '筹措', '整治', '建立', '实施', '开展', '招聘', '发布', '储备', '布局', '命名', '评定', '扶持', '组织', '发放', '确定', '选定', '加装', '扩建', '放映', '救助', '检查', '开工', '拆除', '帮助', '接收', '抽调', '配置', '提供'];
/**
 * Verbs that grant a benefit for a span of time written right after them (可免费享受3个月的模型使用,
 * 提供7天免费住宿, 给予1—3年观察期): the span is how long the benefit lasts, a target, where a bare
 * span after another verb is a deadline's.
 */
export const BENEFIT_VERBS = ['享受', '给予', '提供'];
/** Words after the number and unit that set the bound: 90%以上 (at least), 5个工作日以内 (at most). */
export const TARGET_AFTER: { word: string; bound: 'min' | 'max' }[] = [
  { word: '以上', bound: 'min' }, { word: '左右', bound: 'min' }, { word: '以内', bound: 'max' }, { word: '以下', bound: 'max' },
  // a time limit for doing something (3个工作日内办结, 24小时内配送到位): how long it may take
  { word: '内', bound: 'max' },
];
/** Verbs a comparator may stand before, ahead of its number: 最高可获得3000元, 最高给予50万元. */
export const TARGET_BRIDGES = ['可获得', '可给予', '给予', '可获', '补助', '奖励', '资助', '补贴', '可'];
/**
 * Words around a figure that say nothing about what it measures (issue 32): the markers that open a
 * clause of a run (一是, 对, 并, 按规定) and the verbs that grant an amount (给予, 可获得, 享受). A
 * subsidy measure writes what an amount pays for after it (给予最高50万元的购房补贴); with these
 * stripped, the words left before it name the measure or nothing.
 */
export const INDICATOR_LEAD = ['可', '一是', '二是', '三是', '四是', '五是', '对于', '对', '并', '且', '和', '及', '按规定', '按照规定', '依规', '依法', '按照', '按', '分别', '同时', '为'];
export const INDICATOR_GRANT = ['可给予', '给予', '可获得', '获得', '可享受', '享受', '发放', '可申请', '申请', '资助', '补助', '奖励', '补贴', '最高', '最多', '不超过', '最长', '至少', '总额', '分别', '并', '可', '为', '达'];
/**
 * Nouns that name an amount paid without saying what for (补助, 一次性奖励, 资金支持): a figure
 * whose measure is only these is not known to be restated when the words recur (every subsidy is a 补助).
 */
export const AMOUNT_NOUNS = /一次性|配套|专项|资金|奖金|奖励|补助|资助|补贴|支持|扶持|经费|费用|金额|总额|的/g;
/**
 * Units of time: a figure in one may be restated in another (15天 → 半个月, 60个月 → 5年). Figures
 * in other units measure different things (最高300万元的安居补贴 is not 最长5年的安居补贴).
 */
export const TIME_UNITS = ['个工作日', '工作日', '个月', '小时', '分钟', '天', '日', '周', '年', '晚'];
/** Units a target is counted in (longest first when matched). */
export const TARGET_UNITS = ['个工作日', '个百分点', '个月', '卡时', '平方公里', '平方米', '人次', '场次', '公里', '小时', '千瓦', '%', '％', '个', '家', '所', '项', '人', '户', '次', '天', '日', '件', '条', '台', '座', '张', '倍', '亩', '名', '批', '类', '元', '场', '套', '晚', '周', '期', '届', '吨', '辆', '篇', '部', '间', '款', '年', '级', '位', '课时', '周岁', '岁', 'P', '架', '分钟', '处', '公顷', '兆瓦', '千米', '立方米', '千克', '公斤', '栋', '幢', '支', '片', '株', '床', '宗', 'kg', 'km', '份'];

/**
 * Events of the year a time may be set by (放暑假前, 毕业生离校后3个月内, 汛期前, 春节期间): a deadline of
 * kind `event`, answered by a date as `changed` (src/parse/deadline-patterns.ts).
 */
export const YEAR_EVENTS = ['放寒假', '放暑假', '离校', '开学', '入学', '毕业', '入汛', '主汛期', '汛期', '春节', '元旦', '国庆', '中秋', '清明', '端午', '入冬', '供暖季', '供暖', '采暖季', '采暖', '秋收', '春耕', '夏收', '招生', '学期末', '学年末', '节假日', '节日'];
/** Acts that issue a document a time may count from (省出台文件后2个月完成, 方案印发后30日内): an event too. */
export const ISSUING_ACTS = ['出台', '印发', '发布', '下发', '批复', '公布'];
