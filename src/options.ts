// Every tuned number of the pipeline, in one place, grouped by the stage that uses it.
// The defaults are frozen: a caller who wants other values passes them to diffNotices(base, local,
// { align: { main: 0.4 } }) and gets a diff with those values, without changing any later call.
// To add a threshold: add it to its stage's group here (with a one-line reason and the test or gold
// that pins it), read it from the options the stage is given, and never from a module constant.
import type { PairRules } from './align/tasks.js';

/** Task alignment (src/align/tasks.ts). Pinned by the golds in tests/diff.test.ts (shared gold 000, fixtures/gold 001 + 003), tests/any-base.test.ts (fixtures/pairs) and fixtures/snapshots. */
export interface AlignOptions {
  /** main link: combined score a base task's best local counterpart must reach */
  main: number;
  /** extra link: how much of the base content a second local task must carry (merges and splits) */
  extraCover: number;
  /** a title part naming the base title almost verbatim is enough with modest content… */
  titleMatch: number;
  /** …of at least this cover */
  titleCover: number;
  /** reworded items: mutual best counterparts at or above this score… */
  mutual: number;
  /** …clearly ahead (this many times) of every alternative on both sides */
  mutualMargin: number;
  /** before calling a base (local) task dropped (added): part of it carried in one clear place */
  partialCover: number;
  /** …that many times ahead of the second place */
  partialMargin: number;
  /** below this cover a secondary link is 'partial' */
  partial: number;
  /** title agreement at or above which a one-to-one link is 'same' rather than 'reworded'; also "corresponding project" */
  sameTitle: number;
  /** …and the share of the base content the local task still carries for 'same' (less is a rewrite) */
  sameCover: number;
  /** a one-to-one link with another title is still 'reworded' (not 'partial') at this title agreement */
  rewordedTitle: number;
  /** rules read from the local side (rule 4) and the reworded cover accept this fraction of main / partial */
  laxFactor: number;
  /** rule 7: share of a would-be-added local task's content found in one base task… (pinned by the fixtures/pairs truth in tests/any-base.test.ts) */
  carriedBack: number;
  /** …and its margin over the next base task */
  carriedMargin: number;
  /** rule 8: each base part of a merge carries this much of the local task… */
  mergedPart: number;
  /** …and together this much */
  mergedTotal: number;
  /** rule 9: mutual best of an otherwise dropped and an otherwise added task, with this score… */
  rewrittenScore: number;
  /** …and this margin over every alternative on both sides */
  rewrittenMargin: number;
  /** rule 10 (heavy paraphrase): a would-be-dropped or would-be-added task links under corresponding parts at this score… */
  paraphraseScore: number;
  /** …and shares at least this much content one way or the other (else only a rare shared phrase counts) */
  paraphraseCover: number;
  /** …or their titles agree this much (a measure restated in a line under nearly its base title) */
  paraphraseTitle: number;
  /** …when the pair is at least this share of the best counterpart of both tasks */
  paraphraseShare: number;
  /** …or, for a task still alone, its one clear counterpart this many times ahead of the next (a merge or split in other words) */
  paraphraseMargin: number;
  /** a shared phrase this long (boilerplate cut) lifts a pair to paraphraseScore… */
  paraphrasePhrase: number;
  /** …when the pair scores this much anyway… */
  paraphrasePhraseScore: number;
  /** …and at most this many tasks of each plan hold the phrase */
  paraphrasePhraseUses: number;
  /** …and at most this share of them, at least one (a short plan names its subject in most of its tasks) */
  paraphrasePhraseShare: number;
  /** a local task still alone at least this share of whose content one base task holds (paraphraseMargin times more than any other) is a half of its split */
  splitBack: number;
  /** rule 11: a task still alone whose best counterpart carries its neighbour (a merge or split of adjacent tasks) at this score… */
  adjacentScore: number;
  /** …this many times ahead of its next counterpart */
  adjacentMargin: number;
}

/** Thematic counterparts of a plan of another family (src/align/overlap.ts). Pinned by the any-base tests of tests/diff.test.ts and fixtures/snapshots/004. */
export interface OverlapOptions {
  /** characters a shared topic phrase needs */
  minPhrase: number;
  /** a phrase this long is specific by itself… */
  longPhrase: number;
  /** …a shorter one only when at most this many tasks of both plans use it */
  maxShortUses: number;
}

/** Key-list row alignment (src/diff/keylist.ts). Pinned by tests/diff.test.ts (key-list links and keyListVsBody changes), tests/deadlines.test.ts and the snapshots of 001 and 003. */
export interface KeyListOptions {
  /** dice at or above which two rows say the same thing: an exact partner (and the link is 'same') */
  exactRow: number;
  /** dice between a row and its task's title at or above which the row is the task's headline row */
  headlineRow: number;
  /** score (max of dice and rowContainWeight × containment) for a link on wording alone… */
  rowLink: number;
  /** …and each row must hold at least this much of the other, so a two-word row cannot link on one shared word */
  rowLinkBothWays: number;
  /** containment counts a little less than dice: a joined row also carries other work */
  rowContainWeight: number;
  /** a row counts as a part of a merged/split row when this share of its wording is inside it */
  partCover: number;
  /** a second partner must explain this much more of the joined row than the first alone */
  mergeGain: number;
  /** rows left alone that detail linked body tasks pair on this much agreement (either way) */
  rowLinkWithinTasks: number;
}

/** Deadline comparison (src/diff/deadlines.ts). Pinned by tests/deadlines.test.ts and the deadline F1 floor of the shared gold. */
export interface DeadlineOptions {
  /** two deadline clauses speak of the same requirement when their wording agrees this much */
  clauseMatch: number;
  /** an identical requirement (每年 … 每年) needs less agreement in wording than a moved one */
  sameRequirementMatch: number;
  /** requirements of one kind left over on both sides of one link: agreement enough to call one a rewrite of the other (督查, 闭环管理) */
  rewriteMatch: number;
  /** share of a key-list row's wording inside a body sentence (with the same time) for that sentence to be the row's own */
  rowSentence: number;
}

/** Same-family judgement (src/diff/family.ts). Pinned by tests/diff.test.ts ("different family") and fixtures/snapshots/004. */
export interface FamilyOptions {
  /** a link this strong counts as a carried task */
  strong: number;
  /** share of tasks (the better side) with a strong counterpart above which plans are of one family */
  sameFamily: number;
  /** …or with any link: a plan rewritten for its level keeps few strong links but still carries most tasks somewhere */
  linkedFamily: number;
}

/** Parentage (src/diff/parentage.ts). Pinned by tests/diff.test.ts (cites/names the base) and the snapshots' parentage. */
export interface ParentageOptions {
  /** a cited title agrees this much (dice of the core names) with the base title */
  titleMatch: number;
  /** share of the base name's bigrams found in the local title: 新昌县人民政府“两强三提高”建设行动计划实施方案 drops only 政府 */
  nameMatch: number;
}

/** Numeric targets and obligation clauses of linked tasks (src/diff/requirements.ts). */
export interface RequirementOptions {
  /** two targets measure the same thing: dice of their indicators, +0.3 for the same unit, +0.1 for the same value */
  targetPairMin: number;
  /** a base figure left unpaired is removed only where this share of what it measures (its indicator) is restated in the local group; else its measure was not carried at all */
  targetCarried: number;
  /** two obligation clauses state the same requirement: dice of their wording without the modal word (one side has no word) */
  clausePairMin: number;
  /** the same when both clauses carry a modal word */
  clausePairBothWords: number;
  /** the same for a permission (可, 允许) against a plain sentence: 可 often grants a power, so the wording must agree closely */
  clausePairPermission: number;
}

export interface DiffThresholds {
  align: AlignOptions;
  requirements: RequirementOptions;
  overlap: OverlapOptions;
  keyList: KeyListOptions;
  deadlines: DeadlineOptions;
  family: FamilyOptions;
  parentage: ParentageOptions;
}

/** What a caller may pass: any subset of any group, plus analyst pins and bans. */
export type DiffOptions = { [G in keyof DiffThresholds]?: Partial<DiffThresholds[G]> } & { pairs?: PairRules };

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

function deepFreeze<T extends object>(o: T): DeepReadonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o) as DeepReadonly<T>;
}

/** Chosen on the Zhoushan gold and checked against the other seeds' golds and snapshots. */
export const DEFAULT_DIFF_OPTIONS: DeepReadonly<DiffThresholds> = deepFreeze({
  align: {
    main: 0.34,
    extraCover: 0.45,
    titleMatch: 0.8,
    titleCover: 0.2,
    mutual: 0.2,
    mutualMargin: 2,
    partialCover: 0.12,
    partialMargin: 2.5,
    partial: 0.35,
    sameTitle: 0.75,
    sameCover: 0.3,
    rewordedTitle: 0.4,
    laxFactor: 0.8,
    carriedBack: 0.5,
    carriedMargin: 1.5,
    mergedPart: 0.25,
    mergedTotal: 0.6,
    rewrittenScore: 0.25,
    rewrittenMargin: 1.5,
    paraphraseScore: 0.15,
    paraphraseCover: 0.1,
    paraphraseTitle: 0.6,
    paraphraseShare: 0.6,
    paraphraseMargin: 2.5,
    paraphrasePhrase: 5,
    paraphrasePhraseScore: 0.06,
    paraphrasePhraseUses: 2,
    paraphrasePhraseShare: 0.25,
    splitBack: 0.15,
    adjacentScore: 0.1,
    adjacentMargin: 3,
  },
  overlap: { minPhrase: 4, longPhrase: 6, maxShortUses: 3 },
  keyList: { exactRow: 0.9, headlineRow: 0.9, rowLink: 0.55, rowLinkBothWays: 0.3, rowContainWeight: 0.85, partCover: 0.6, mergeGain: 0.1, rowLinkWithinTasks: 0.08 },
  deadlines: { clauseMatch: 0.4, sameRequirementMatch: 0.25, rewriteMatch: 0.1, rowSentence: 0.3 },
  family: { strong: 0.5, sameFamily: 0.4, linkedFamily: 0.6 },
  parentage: { titleMatch: 0.7, nameMatch: 0.8 },
  // chosen on written examples of the genre (tests/requirements.test.ts), not on the seeds
  requirements: { targetPairMin: 0.35, targetCarried: 0.3, clausePairMin: 0.45, clausePairBothWords: 0.2, clausePairPermission: 0.6 },
});

/** The defaults with a caller's values laid over them: a fresh object, the defaults untouched. */
export function resolveDiffOptions(input: DiffOptions = {}): DiffThresholds {
  const d = DEFAULT_DIFF_OPTIONS;
  return {
    align: { ...d.align, ...input.align },
    overlap: { ...d.overlap, ...input.overlap },
    keyList: { ...d.keyList, ...input.keyList },
    deadlines: { ...d.deadlines, ...input.deadlines },
    family: { ...d.family, ...input.family },
    parentage: { ...d.parentage, ...input.parentage },
    requirements: { ...d.requirements, ...input.requirements },
  };
}

/** Which body task a key-list row details (src/parse/keylist-tasks.ts). Pinned by tests/html-keylist.test.ts and the keyListVsBody changes in tests/diff.test.ts. */
export interface KeyListTaskOptions {
  /** a row restates its task at least this closely (IDF containment of the row in the task)… */
  close: number;
  /** …or at least this closely… */
  weak: number;
  /** …and this many times more closely than any other task */
  margin: number;
}

/** Encoding detection (src/read/decode.ts). Pinned by tests/read.test.ts (GB18030, Big5, UTF-16 cases). */
export interface DetectionOptions {
  /** bytes scored first (64 KB: enough Chinese to judge, fast on large batches) */
  sample: number;
  /** bytes scored when the first sample holds little non-ASCII (a long ASCII header) */
  largeSample: number;
  /** fewer high bytes than this in the first sample means: take the large sample */
  minHighBytes: number;
  /** share of common Chinese characters a plausible decoding reaches */
  common: number;
  /** share of replacement characters above which a decoding is rejected */
  replacements: number;
  /** share of control characters (or bad characters of a forced encoding) above which a decoding is rejected */
  controls: number;
}

export interface ReadParseOptions {
  keyListTasks: KeyListTaskOptions;
  detection: DetectionOptions;
}

export const DEFAULT_READ_PARSE_OPTIONS: DeepReadonly<ReadParseOptions> = deepFreeze({
  keyListTasks: { close: 0.5, weak: 0.25, margin: 2 },
  detection: { sample: 1 << 16, largeSample: 1 << 20, minHighBytes: 4096, common: 0.12, replacements: 0.02, controls: 0.01 },
});

/**
 * The budget of one binary input (DOCX, OFD, PDF, DOC/WPS, scans), enforced while it is read
 * (src/read/budget.ts). A crafted file a few KB long can otherwise unpack into gigabytes, loop for
 * ever or make V8 abort the whole process. Each default is far above what a real notice needs (a
 * 300-page notice with annexes uses a few percent of it) and low enough that reading stays within
 * ~600 MB and seconds. Exceeding one is the file's error, naming the limit; the environment
 * variable PLANCMP_LIMITS=name=value,… raises any of them (every command, export's workers too).
 */
export interface ReadLimits {
  /** bytes one zip entry may inflate to (checked against its declared size and while inflating): a 300-page DOCX's document.xml is ~10 MB */
  zipEntryBytes: number;
  /** bytes all entries read from one zip may inflate to, an entry read twice counting twice (OFD pages sharing one content file) */
  zipTotalBytes: number;
  /** XML elements of one file, all its parts together: 10–30 per paragraph in Word, a 300-page notice has ~200,000 */
  xmlNodes: number;
  /** XML nesting depth: Word nests tables in tables ~40 deep at most; deeper is crafted (and makes nested walks quadratic) */
  xmlDepth: number;
  /** bytes of one XML attribute value: the longest real ones are OFD DeltaX lists of a few KB */
  attributeBytes: number;
  /** characters of text one file may yield (numbering labels and merged cells included): the text-file limit is 20 MiB */
  textChars: number;
  /** table cells of one file after column spans and vertical merges are expanded */
  tableCells: number;
  /** list levels of Word numbering: Word has 9 (ilvl 0–8) */
  listLevels: number;
  /** a list counter's value (start value, or after counting): Word's own maximum start is 32,767 */
  listCounter: number;
  /** pages of a PDF or OFD: real notices with annexes run to a few hundred */
  pages: number;
  /** text items (PDF) or glyph runs (OFD) on one page: a dense page set glyph by glyph has ~5,000 */
  textItemsPerPage: number;
  /** pages read by OCR (--ocr) in one file: each costs seconds */
  ocrPages: number;
  /** pixels of one page image rendered for OCR: the resolution is lowered (from 300 dpi) to stay within it; A3 at 300 dpi is 17.4 million */
  ocrPixels: number;
  /** seconds one binary file may take to read in its own worker (parse, diff, check, report); export has its own per-file limit */
  readSeconds: number;
  /** MB of JavaScript heap the process reading one binary file may use before it is stopped (the file fails, the batch goes on): pdf.js needs ~150 MB for an 11-page notice */
  readerHeapMb: number;
  /** MB of JavaScript heap an export worker thread may use (it parses and diffs notices up to 20 MiB of text) */
  workerHeapMb: number;
  /** drawing operations (PDF) or path operators and operands (OFD) of one page read for table rules: a ruled table page has thousands, a page of text drawn as outlines ~1 million */
  drawingOpsPerPage: number;
}

/**
 * Scanned pages read by --ocr when --ocr-pages is not given: about 5 s of one core each, so ~4 minutes
 * on two cores; notices with annexes run to 30–60 pages. Beyond it pages are left out with a warning.
 */
export const DEFAULT_OCR_PAGES = 100;

export const DEFAULT_READ_LIMITS: DeepReadonly<ReadLimits> = deepFreeze({
  zipEntryBytes: 32 * 1024 * 1024,
  zipTotalBytes: 128 * 1024 * 1024,
  xmlNodes: 1_000_000,
  xmlDepth: 256,
  attributeBytes: 1024 * 1024,
  textChars: 16 * 1024 * 1024,
  tableCells: 1_000_000,
  listLevels: 9,
  listCounter: 1_000_000,
  pages: 2000,
  textItemsPerPage: 50_000,
  ocrPages: 200,
  ocrPixels: 24_000_000,
  readSeconds: 120,
  readerHeapMb: 1024,
  workerHeapMb: 2048,
  drawingOpsPerPage: 5_000_000,
});

/** Batch hygiene (src/export): what a list of paths and a number of workers may be. */
export interface BatchLimits {
  /** bytes of one line of a path list on standard input (`export -`, `chain -`): paths are at most 4,096 bytes on Linux */
  pathLineBytes: number;
  /** paths in such a list: ten times the largest corpus measured (10,000 notices a site, 100 sites) */
  paths: number;
  /** worker threads per core at most: a worker is CPU-bound, more only compete (--jobs beyond is lowered, with a warning) */
  jobsPerCore: number;
  /** MB of memory counted per worker thread when capping --jobs: a worker uses 60–150 MB on real notices, a binary one up to its heap limit */
  jobMemoryMb: number;
}

export const DEFAULT_BATCH_LIMITS: DeepReadonly<BatchLimits> = deepFreeze({
  pathLineBytes: 64 * 1024,
  paths: 10_000_000,
  jobsPerCore: 2,
  jobMemoryMb: 256,
});
