// What each check rule means and what to do about it: SARIF's rule help (code scanning shows it
// beside a finding), and the README's table of rules, whose anchors (#check-rule-NAME) the SARIF
// helpUri points to. tests/check-ci.test.ts holds the README and this table to each other.
import { RULES } from './rules.js';
import { readmeUrl } from '../version.js';

export const RULE_HELP: Readonly<Record<string, string>> = {
  'missing-doc-number': 'No 发文字号 (e.g. 浙政发〔2018〕16号) was found in the header or the web page\'s metadata. Chains and parent lookups match notices by it: check that the copy is complete, or that the header is not an image.',
  'missing-date': 'No 成文日期 was found. Parents are told from children partly by date: check the end of the notice and the page\'s metadata table.',
  'no-tasks': 'No tasks were recognised: nothing can be compared. Run plancmp parse --format text to see the parts and why no level holds the tasks.',
  truncated: 'The document ends inside a task part with nothing after it: the copy looks cut off, and tasks after that point are missing rather than dropped.',
  'no-units': 'Tasks without a responsible unit (责任单位, 牵头单位 or a role such as A牵头): owner changes cannot be compared for them.',
  numbering: 'Item numbers inside a project have a gap, a repeat or a restart: an item may be lost or two run together. Continuous numbering across projects is a style and not reported.',
  'keylist-count': 'The 重点任务清单 rows disagree with their 序号 (a repeat, a jump, or a count that does not match the last number).',
  'keylist-no-deadline': 'Rows of the 重点任务清单 have no 时间要求: their deadlines cannot be compared.',
  mojibake: 'Characters were lost or garbled in decoding (?? runs, U+FFFD): names and dates near them may be wrong. Get a better copy, or pass --encoding.',
  'page-furniture': 'Web page furniture (二维码, 打印本页, 朗读 …) was found in the text; it was ignored, but the copy was saved from a page rather than the notice.',
  'charset-mismatch': 'The page declares a charset it is not encoded in; the text was decoded by what its bytes are. Check names and numbers.',
  'html-deep-nesting': 'The HTML nests elements deeper than a notice page does; the deepest levels were flattened before reading. The page may be damaged or generated.',
  'html-many-attributes': 'An HTML element carries hundreds of attributes; the extra ones were dropped before parsing.',
  'pdf-image-pages': 'Some PDF pages have no text layer (they are images) and were skipped; run with --ocr to read them.',
  ocr: 'The text was read by OCR: check names, numbers and dates against the scan.',
  'bom-mismatch': 'The file starts with a UTF-8 byte-order mark but is encoded in GB18030 or another legacy encoding; it was read in that encoding.',
  'too-many-units': 'A task names more than 500 units; only the first 500 are kept.',
  'too-many-deadlines': 'A task holds more than 200 time expressions; only the first 200 are kept.',
  'unbalanced-brackets': 'Brackets （）〔〕 in a task or a unit do not pair up: often a cut line or a mistyped bracket.',
  'snapshot-drift': 'check --snapshot: the file\'s parse (or, with --diff, its diff against the base) differs from the stored snapshot. One finding per task, matched by content; run with --update when the change is intended.',
  'snapshot-missing': 'check --snapshot: there is no snapshot for this file yet (snapshots mirror the input paths under DIR). Create it with --update.',
  unreadable: 'The file could not be read or parsed at all (missing, a directory, a PNG, encrypted, an undecidable encoding …); the message says why and what to do.',
};

/** Every rule check reports, lint and snapshot alike. */
export const ALL_RULES: readonly string[] = [...RULES, 'snapshot-drift', 'snapshot-missing', 'unreadable'];

/** The README anchor of a rule's row. */
export const ruleAnchor = (rule: string) => `check-rule-${rule}`;

/** Where a rule is explained: its row in the README. */
export const ruleHelpUri = (rule: string) => `${readmeUrl()}#${ruleAnchor(rule)}`;
