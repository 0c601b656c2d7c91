// Typed values that flow one way through the pipeline:
// bytes -> SourceText (read) -> NormalizedText (normalize) -> Notice (parse) -> PlanDiff (align + diff).

/**
 * What a document's warnings can say. read: charset-mismatch, bom-mismatch, html-deep-nesting,
 * html-many-attributes, replacement-char;
 * normalize: mojibake, replacement-char, page-furniture, pinyin-annotations; parse: the rest; diff adds
 * other-parent. `plancmp check` maps each to a rule (src/check/rules.ts WARNING_RULES).
 */
export type WarningCode =
  | 'charset-mismatch'
  | 'bom-mismatch'
  | 'html-deep-nesting'
  | 'html-many-attributes'
  | 'html-no-notice'
  | 'pdf-image-pages'
  | 'ocr'
  | 'replacement-char'
  | 'mojibake'
  | 'page-furniture'
  | 'pinyin-annotations'
  | 'no-doc-number'
  | 'no-date'
  | 'no-tasks'
  | 'not-a-plan'
  | 'no-units'
  | 'too-many-units'
  | 'too-many-deadlines'
  | 'truncated'
  | 'numbering-gap'
  | 'numbering-repeat'
  | 'numbering-restart'
  | 'keylist-numbering'
  | 'keylist-count'
  | 'keylist-no-deadline'
  | 'other-parent';

/** A message attached to one document; a batch never stops on one document's messages. */
export interface Warning {
  code: WarningCode;
  /** 1-based line number in the ORIGINAL input (0 when not tied to a line). */
  line: number;
  message: string;
  /** For paged inputs (PDF, OFD, OCR): the 1-based page of the original document the line is on. */
  page?: number;
}

/** Which reader produced the text (src/read/kinds.ts registers the document formats). */
export type SourceFormat = 'text' | 'html' | 'pdf' | 'pdf-ocr' | 'docx' | 'doc' | 'ofd';

export interface SourceText {
  file: string;
  text: string;
  encoding: string;
  format: SourceFormat;
  /** Size of the raw input in bytes. */
  bytes: number;
  /** For HTML: original line numbers are those of the extracted text, not of the markup. */
  warnings: Warning[];
  /** Paged inputs: number of pages, and the page each text line (index = line - 1) comes from. */
  pages?: number;
  pageOfLine?: number[];
  /** Pages whose text was read by OCR (1-based; with pageOfLine): normalize repairs their lines. */
  ocrPages?: number[];
}

/** One logical paragraph after normalization, with the original line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
  /** Original lines this paragraph was re-joined from (more than one after a page-break repair). */
  lines: number[];
}

export interface NormalizedText {
  paragraphs: Paragraph[];
  converted: 't2s' | 'none';
  warnings: Warning[];
  /** Lines read by OCR: what normalize repaired (normalize/ocr.ts), e.g. `12 OCR repairs (…)`. */
  ocrRepairs?: string;
}

export type DeadlineKind =
  | 'by' // a date by which something is done: 2018年9月底前, 2018年底
  | 'range' // a span of years: 2018—2022年
  | 'from' // a start: 2018年起
  | 'recurring' // 每年开展, 逐年推进, 每季开展, 年度
  | 'duration' // 用3年时间, 三年轮训
  | 'follows' // 执行党中央和省委规定
  | 'ongoing' // a time field that says the work never ends: 完成时限：长期坚持 / 持续推进 / 常态化
  | 'unspecified' // 适时完成, 根据实际需要制订
  | 'event' // a time an event of the year sets: 放暑假前, 毕业生离校前, 离校后3个月内, 汛期前, 春节期间
  | 'other';

export type FrequencyUnit = 'years' | 'quarters' | 'months' | 'ten-day-periods' | 'weeks' | 'days';
export type Frequency =
  | 'yearly'
  | 'half-yearly'
  | 'biennial'
  | 'quarterly'
  | 'monthly'
  | 'half-monthly'
  | 'ten-daily'
  | 'weekly'
  | 'biweekly'
  | 'daily'
  | `every-${number}-${FrequencyUnit}`;

export interface Deadline {
  /** The time expression as written (simplified, normalized punctuation). */
  text: string;
  kind: DeadlineKind;
  /** ISO date for 'by' (end of the period), and the end of a 'range'. */
  date?: string;
  start?: string;
  end?: string;
  /** For 'recurring': how often (每年 yearly, 每两年 biennial, 每三个月 every-3-months…). */
  frequency?: Frequency;
  /** The clause (between ，。；) that carries the expression: what a reader compares. */
  clause: string;
}

export interface Meta {
  issuer?: string;
  docNumber?: string;
  title?: string;
  /** Title of the attached plan itself (e.g. 政府“两强三提高”建设行动计划), when it differs from the notice title. */
  planTitle?: string;
  date?: string;
  recipients?: string;
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
}

export interface Reference {
  title?: string;
  docNumber?: string;
  /** A subject the opening says it acts on, with no title or 文号: 根据国家关于X的部署 → X. */
  subject?: string;
  line: number;
}

export interface Section {
  /** The marker as written, without brackets or punctuation: 二, 一, 1, 1. */
  number: string;
  level: 'part' | 'project' | 'item' | 'subitem' | 'circled';
  title: string;
  line: number;
  children: Section[];
}

/** One owner note of a task, as written: （生态环境部牵头，国家统计局参与）. */
export interface OwnerNote {
  text: string;
  units: string[];
  lead: string[];
  assist: string[];
  guide: string[];
  line: number;
}

/** What one task is in this notice, and why plancmp decided so. */
/** What a part 一、二、… is in its plan: frame (总体要求 …), action (measures), safeguard (保障措施 …), schedule (实施步骤), other. */
export type PartRole = 'frame' | 'action' | 'safeguard' | 'schedule' | 'other';

export interface PartShape {
  number: string;
  title: string;
  line: number;
  role: PartRole;
  /** Why the part has this role, in a few words. */
  why: string;
  /** How many of the notice's tasks sit in this part. */
  tasks: number;
}

/** The level part of a TaskShape, as a task reader finds it (parse/ adds the rest). */
export type LevelShape = Pick<TaskShape, 'unit' | 'under' | 'basis' | 'description'>;

export interface TaskShape {
  /** The level that holds the tasks: a heading level, lead-sentence paragraphs, 一是… runs, or table rows. */
  unit: 'part' | 'project' | 'item' | 'subitem' | 'circled' | 'paragraph' | 'run' | 'table' | 'none';
  /** For paragraph and run tasks: the heading level they sit under. */
  under?: 'root' | 'part' | 'project' | 'item' | 'subitem' | 'circled';
  /** owner-notes: the level that carries the owner notes; numbering: the deepest numbered level of the action parts. */
  basis: 'owner-notes' | 'numbering' | 'table' | 'none' | 'not-a-plan';
  description: string;
  /** Whether the notice is a plan at all (a 批复, 条例, 通报 … is not, and has no tasks). */
  plan: boolean;
  /** The notice's kind (文种) from its title or its attached plan's title: 实施方案, 意见, 批复, 条例 … */
  kind?: string;
  /** Why the tasks sit where they do (or why there are none), in a sentence. */
  why: string;
  /** Each part of the body with its role. */
  parts: PartShape[];
}

/** A numeric target of a task: 网上可办率达到90%以上 → indicator 网上可办率, min 90 %. */
export interface Target {
  /** The target as written (达到90%以上). */
  text: string;
  /** What it measures: the words of its clause before the number. */
  indicator: string;
  /** min: a floor (达到, 不低于, 以上); max: a cap (控制在, 压缩至, 以内), where a lower number is more ambitious. */
  bound: 'min' | 'max';
  value: number;
  unit: string;
  /** Stated as an aim (力争达到, 争取): not a firm floor. */
  hedged?: true;
}

/** A requirement clause of a task and the strength of the word that states it (vocabulary.ts STRENGTH_WORDS). */
export interface Obligation {
  clause: string;
  word: string;
  strength: 'prohibited' | 'binding' | 'expected' | 'encouraged' | 'permitted';
}

export interface Task {
  /**
   * Dot-joined 1-based positions of the task's numbered (or lead-sentence) ancestors and of itself;
   * the part is left out when all tasks sit in one part, so the 16号 family keeps "P.K".
   * Tasks from a task table are "T<序号>" ("T<序号>.<k>" for the k-th of the rows one merged 序号 cell spans).
   */
  id: string;
  /** Positions from the top of the body, the part included. */
  path: number[];
  /** The numbers as printed along the path (null for an unnumbered level). */
  numbers: (string | null)[];
  /** Heading texts of the ancestors, with their markers. */
  headings: string[];
  /** The number as written (a county numbering 6, 7, 8 under project 2 keeps "6"). */
  number: string;
  project: string;
  projectNumber: string;
  title: string;
  /** Full task text after its number, without the closing responsibility bracket. */
  text: string;
  units: string[];
  lead: string[];
  assist: string[];
  /** Units that 指导 (guide) the task. */
  guide: string[];
  /** Where units came from: the task's own notes, the project's 牵头/配合 lines, the row of an attached 分工表 that restates it, or one sentence of the plan that assigns every task (以上工作由A牵头，B配合). */
  unitsFrom: 'task' | 'project' | 'table' | 'plan' | 'none';
  /** One entry per owner note when the task carries several (units is their union). */
  ownerNotes: OwnerNote[];
  /** Units that a note such as “以下均需试点城市政府落实，不再列出” puts on this task without writing them. */
  impliedUnits: string[];
  deadlines: Deadline[];
  /** Numeric targets in the task's text. */
  targets?: Target[];
  /** Requirement clauses with their strength (必须/确保 binding, 要 expected, 力争/鼓励 encouraged, 可以 permitted, 不得 prohibited). */
  obligations?: Obligation[];
  line: number;
}

export interface KeyListRow {
  id: string;
  number: string;
  task: string;
  units: string[];
  /** Only when the table has separate 牵头单位 and 配合单位 columns (units holds both). */
  lead?: string[];
  assist?: string[];
  deadline: Deadline;
  line: number;
  /** Id of the body task this row details, when one is found (found once, at parse time). */
  bodyTask?: string;
}

export interface Notice {
  schema: 'plancmp.parse/1';
  /** pages: for paged inputs (PDF, OFD), the number of pages of the original. */
  source: { file: string; encoding: string; format: SourceFormat; converted: 't2s' | 'none'; pages?: number };
  meta: Meta;
  references: Reference[];
  sections: Section[];
  /** Title of the part that holds the tasks (二、主要任务 …), when they all sit in one part. */
  mainPart?: string;
  /** What one task is in this notice. */
  taskShape?: TaskShape;
  /** The document ends inside its task list with nothing after it. */
  truncated?: boolean;
  tasks: Task[];
  keyList: KeyListRow[];
  warnings: Warning[];
}

export type LinkKind = 'same' | 'reworded' | 'merged' | 'split' | 'partial' | 'overlap';

export type FamilyEvidence = 'docNumber' | 'title' | 'subject' | 'name' | 'content' | 'thematic';

export interface Link {
  base: string;
  local: string;
  score: number;
  kind: LinkKind;
  manual?: boolean;
  /** Source lines of the two tasks (body-task links; key-list links leave them out). */
  baseLine?: number;
  localLine?: number;
  /** What the link rests on (body-task links): shared content both ways and the longest shared phrase. */
  evidence?: LinkEvidence;
}

export interface LinkEvidence {
  /** Share of the base task's content (rarity-weighted clauses) found in the local task, 0..1. */
  baseShare: number;
  /** Share of the local task's content found in the base task, 0..1. */
  localShare: number;
  /** The longest topic phrase the two tasks share, policy verbs cut out (学习型机关, 检查对象名录库). */
  phrase?: string;
}

/** The best-scoring counterpart of a dropped (or added) task, below the thresholds for a link. */
export interface NearestTask {
  id: string;
  title: string;
  line: number;
  score: number;
}

export type DeadlineChangeKind = 'same' | 'earlier' | 'later' | 'removed' | 'added' | 'changed';

export interface DeadlineChange {
  base: string;
  local: string;
  baseDeadline: string;
  localDeadline: string;
  change: DeadlineChangeKind;
  /** 'body' (task text vs task text), 'keyList' (时间要求 vs 时间要求), 'keyListVsBody'. */
  compared: 'body' | 'keyList' | 'keyListVsBody';
  /**
   * Set on a 'removed' base key-list row when the local plan has no key list and its text does not
   * restate the row: not a change the local plan made, counted apart (summary.deadlinesNotRestated).
   */
  notRestated?: true;
}

/** A numeric target of linked tasks that changed (raised / lowered / removed / added / changed-unit). */
export interface TargetChange {
  base: string;
  local: string;
  /** The targets as written; '' on the side that has none. */
  baseTarget: string;
  localTarget: string;
  indicator: string;
  change: 'raised' | 'lowered' | 'removed' | 'added' | 'changed-unit';
  /** Whether the change asks less of the lower level: a floor (达到, 以上) lowered or a cap (控制在, 以内) raised. */
  weaker?: boolean;
}

/** An obligation clause of linked tasks whose strength changed: 确保 → 力争 weakened, 不得 gone. */
export interface StrengthChange {
  base: string;
  local: string;
  baseClause: string;
  localClause: string;
  baseWord: string;
  localWord: string;
  change: 'weakened' | 'strengthened' | 'prohibition-removed';
}

/** Who is responsible, base against local, for one link (CONTRACT 1.1). */
export interface OwnerChange {
  base: string;
  local: string;
  baseUnits: string[];
  localUnits: string[];
  /** mapped: the local units are the local counterparts, the same unit leading. */
  change: 'mapped' | 'reassigned' | 'owner-dropped' | 'owner-added';
  detail: string;
  /**
   * What the judgment rests on: 'table' when every unit compared is in the table of government
   * bodies (src/bodies/bodies.tsv), 'name-rule' when some unit was matched by how its name is built,
   * 'inferred' when one side names no unit and its owners were read from its sentences' subjects.
   */
  basis: 'table' | 'name-rule' | 'inferred';
  /** reassigned: the leads compared on each side. */
  baseLeads?: string[];
  localLeads?: string[];
  /** owner-dropped / owner-added: the units without a counterpart on the other side. */
  unmatched?: string[];
  /**
   * owner-dropped: the local units without a base counterpart as well (an entry is named by its most
   * significant change, a drop before an addition, and keeps both).
   */
  added?: string[];
  /** The owners read from the base (local) task's sentences when it names none (“国家卫生健康委推行…”). */
  baseInferred?: string[];
  localInferred?: string[];
  /**
   * Collectives (各县（区）政府 where the base names no government, 功能区管委会, 有关部门) one side names
   * and the other does not: they make the entry owner-added / owner-dropped but are never a lead, and
   * are listed here, apart from `unmatched` (the named bodies).
   */
  groupsAdded?: string[];
  groupsDropped?: string[];
}

export interface DocRef {
  file: string;
  docNumber?: string;
  title?: string;
  issuer?: string;
  date?: string;
}

export interface PlanDiff {
  schema: 'plancmp.diff/1';
  base: DocRef;
  local: DocRef;
  links: Link[];
  /** afterTruncation: the local copy ends before the point where this task would come (see warnings). */
  /** line: the task's source line in the base; nearest: its best local candidate (none when nothing scores). */
  dropped: { id: string; title: string; afterTruncation?: boolean; line?: number; nearest?: NearestTask }[];
  added: { id: string; title: string; line?: number; nearest?: NearestTask }[];
  keyListLinks: Link[];
  deadlineChanges: DeadlineChange[];
  /** One entry per link: are the local owners the counterparts of the base owners? */
  ownerChanges: OwnerChange[];
  /** Numeric targets of linked tasks that changed. */
  targetChanges: TargetChange[];
  /** Obligation clauses of linked tasks whose strength changed. */
  strengthChanges: StrengthChange[];
  /** citesBase: the local plan cites the base (by 文号 or title); namesBase: its own title contains the base plan's name. */
  /**
   * sameDocument: the two notices are one document (a self-diff): it neither cites nor implements itself.
   * subject: when the local plan is named after the base's subject (not its plan name), that subject.
   */
  parentage: { citesBase: boolean; by?: 'docNumber' | 'title' | 'subject'; namesBase: boolean; subject?: string; sameDocument?: boolean; cited: Reference[]; warning?: string };
  /** by: the evidence that decided the family — a citation by 文号 or title, the plan's name, the carried content, or (another family) thematic overlap only. */
  family: { sameFamily: boolean; by: FamilyEvidence; strongShare: number; message?: string };
  summary: {
    baseTasks: number;
    localTasks: number;
    linked: number;
    dropped: number;
    added: number;
    /** Local tasks carrying two or more base tasks (src/diff/groups.ts defines each count). */
    merged: number;
    /** Base tasks carried by two or more local tasks. */
    split: number;
    /** Links of kind 'reworded'. */
    reworded: number;
    /** Links of kind 'same' whose title changed. */
    retitled: number;
    /** Deadline entries that are changes: not 'same', and not a notRestated key-list row. */
    deadlineChanges: number;
    /** Base key-list rows the local plan (without a key list of its own) does not restate. */
    deadlinesNotRestated: number;
    coverage: number;
    /** Owner entries other than mapped. */
    ownerChanges: number;
    /** Distinct units the local plan names (a variable researchers use). */
    localUnits: number;
    /** Target changes, and those that ask less of the lower level. */
    targetChanges?: number;
    targetsWeaker?: number;
    /** Strength changes that weaken (weakened, prohibition-removed). */
    weakened?: number;
  };
  warnings: Warning[];
}
