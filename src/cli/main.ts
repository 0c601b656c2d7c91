// plancmp command line: a thin shell over the library. execute() returns the exit code instead
// of exiting, so tests and other programs can run it in-process.
import { LANGS } from '../render/labels.js';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type Io } from './io.js';
import { EXIT } from './exit.js';
import { reportError } from './report-error.js';
import { outputTarget, parseColorWhen } from './output.js';
import { formatChoices, formatHelp } from '../render/formats.js';
import { parseOptions, diffOptions, checkOptions, reportOptions, exportOptions, chainOptions, type RawOptions } from './options.js';

/** Shown under the top-level --help: what a first run looks like, and what the exit codes mean. */
const TOP_HELP = `
Examples:
  plancmp diff fixtures/000_5b73fe2b8637f3d3.txt            what 舟山 did with 16号's tasks
  plancmp diff fixtures/001_2a7fecd8e03c454a.txt --stat     the headline only
  plancmp parse fixtures/003_921a6ce2908064d7.txt --format text
  plancmp check fixtures/*.txt --format github              annotations for a GitHub workflow
  plancmp report fixtures/000_5b73fe2b8637f3d3.txt fixtures/001_2a7fecd8e03c454a.txt --html report.html
  plancmp export fixtures --jsonl notices.jsonl

Exit codes:
  0  done
  1  findings: diff --fail-on/--exit-code found some; check found errors, too many warnings or snapshot drift
  2  usage or input error (the message names the file, the reason and what to do)
  3  several files were given and some failed (the others were processed, the failures listed)

Run plancmp COMMAND --help for a command's options.
`;

const collect = (v: string, prev: string[] = []) => [...prev, v];
import { INPUT_EXTENSIONS } from '../read/discover.js';

/** --ext, the same for every command that takes folders. */
const EXT_HELP = 'extensions taken from directories, comma-separated';
const EXT_DEFAULT = INPUT_EXTENSIONS.join(',');
/** What every command that reads notices says about its inputs. */
const INPUTS_HELP = 'files, directories (recursive, by --ext) or glob patterns (quote them); - reads a notice from standard input';

const OCR_HELP = 'read scanned PDF pages (page images without text, or with only a scanner app\'s watermark) with Tesseract; needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils';
const OCR_PAGES_HELP = 'with --ocr: read at most N scanned pages (default 100); the rest are left out with a warning';
const NO_CACHE_HELP = 'with --ocr: read every page again instead of reusing what was read before (cache: $XDG_CACHE_HOME/plancmp/ocr or ~/.cache/plancmp/ocr)';
import { plancmpVersion } from '../version.js';

function program(io: Io, done: (code: number) => void): Command {
  /** Runs a command with its -o/--output FILE and --color applied; FILE is written once it is complete. */
  const run = async (output: string | undefined, fn: (cio: Io) => Promise<number>) => {
    const target = outputTarget(io, output, parseColorWhen(p.opts().color));
    done(target.finish(await fn(target.io)));
  };
  const p = new Command('plancmp')
    .description('Compare a Chinese government plan (实施方案, 实施意见) with the plan it implements: a 国务院 意见, a province\'s 行动计划, a city\'s 实施意见 …')
    .version(plancmpVersion())
    .option('--debug', 'print stack traces for errors')
    .option('--color <when>', 'colour the text output: auto (default: on a terminal, honouring NO_COLOR/FORCE_COLOR), always (--color alone), never')
    .option('--no-color', 'same as --color=never')
    .addHelpText('after', TOP_HELP)
    .showHelpAfterError('(run plancmp --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  p.command('parse')
    .description('parse notices into structured data: meta, sections, tasks with units and deadlines, key list, warnings')
    .argument('<inputs...>', `notices (.txt or .html in UTF-8, GB18030/GBK, Big5, UTF-16; .pdf, .docx, .doc/.wps, .ofd): ${INPUTS_HELP}`)
    .addOption(new Option('-f, --format <format>', `output format: ${formatHelp('parse')}`).choices(formatChoices('parse')).default('json'))
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .addOption(new Option('--lang <lang>', 'language of the text outline, Markdown and CSV header: zh or en (default: from LC_ALL, LC_MESSAGES, LANG; zh_* → zh); JSON never changes').choices([...LANGS]))
    .option('-e, --encoding <name>', 'force the input encoding (utf-8, gb18030, gbk, big5, utf-16le, utf-16be)')
    .option('--ocr', OCR_HELP)
    .option('--ocr-pages <n>', OCR_PAGES_HELP)
    .option('--no-cache', NO_CACHE_HELP)
    .option('-o, --output <file>', 'write to FILE (complete or not at all) instead of standard output')
    .option('--bom', 'csv: start with a UTF-8 BOM for Excel (default when writing to a file with -o)')
    .option('--no-bom', 'csv: no BOM, even in a file')
    .addHelpText('after', '\nOne result per file: json prints one object for a single file named, and one array for a directory,\na pattern or several files (even when it holds one); jsonl one compact line per file in either case;\ntext and md one outline after another; csv one table with a file column. A file that fails is named\non stderr with its reason and the others go on; a bar shows progress when stderr is a terminal.\n\nExit codes: 0 done, 2 usage or input error, 3 some of several files failed.\n\nExamples:\n  plancmp parse fixtures/002_2cdac00586eece9b.txt --format text\n  plancmp parse fixtures/000_5b73fe2b8637f3d3.txt fixtures/001_2a7fecd8e03c454a.txt --format csv -o tasks.csv\n  plancmp parse fixtures/ --format jsonl')
    .action(async (files: string[], o: RawOptions) => {
      const { runParse } = await import('./parse-command.js');
      const opts = parseOptions(o, p.opts());
      await run(opts.output, (cio) => runParse(files, opts, cio));
    });

  p.command('diff')
    .description('align a local plan with the base plan: links, dropped, added, merged, reworded, deadline changes')
    .argument('<inputs...>', '[BASE] LOCAL... — with one argument, BASE is the embedded 浙政发〔2018〕16号; or A B (two plans of one parent). LOCAL may be a directory or a glob pattern: one diff per plan')
    .addOption(new Option('-f, --format <format>', `output format: ${formatHelp('diff')}`).choices(formatChoices('diff')).default('text'))
    .option('--bases <dir>', 'each local plan against its parent among the plans in DIR (a directory or pattern), found as export --base auto finds it: cited by 文号 or title, or named after it')
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--ocr', OCR_HELP)
    .option('--ocr-pages <n>', OCR_PAGES_HELP)
    .option('--no-cache', NO_CACHE_HELP)
    .option('--pairs <file>', 'JSON file of links to pin and ban: {"pin":[{"base":"7.2","local":"7.1"}],"ban":[…]}')
    .option('--fail-on <findings>', 'exit 1 when any of these exist: dropped,added,deadline,merged,reworded,target,strength; narrow them with deadline:earlier,later,changed,removed,added,not-restated, target:raised,lowered,removed,added,changed-unit,weaker, strength:weakened,strengthened,prohibition-removed')
    .option('--exit-code', 'exit 1 when there are findings (those of --fail-on, else any), as git diff --exit-code')
    .option('-q, --quiet', 'print nothing; only the exit code says whether there are findings (implies --exit-code)')
    .option('--stat', 'the headline only: parentage and counts (text), or the summary object (json)')
    .option('-v, --verbose', 'text format: also list every link')
    .option('--lines', 'text format: show each task\'s source line, e.g. local 7.1 (line 57)')
    .addOption(new Option('--owners <mode>', 'text and md: owner changes grouped by pattern (grouped), or every link with its basis (all)').choices(['grouped', 'all']))
    .option('-o, --output <file>', 'write to FILE (complete or not at all) instead of standard output')
    .option('--bom', 'csv: start with a UTF-8 BOM for Excel (default when writing to a file with -o)')
    .option('--no-bom', 'csv: no BOM, even in a file')
    .option('--parent <file>', 'local vs local: A and B implement FILE; show side by side what each did with its tasks (text, json, csv)')
    .option('--direct', 'with two files: always align A (as base) with B, even when both implement the embedded base')
    .addOption(new Option('--lang <lang>', 'language of the report: zh or en (default: from LC_ALL, LC_MESSAGES, LANG; zh_* → zh); JSON never changes').choices([...LANGS]))
    .option('--force', 'compare even when the arguments look swapped or the plan implements another parent than the embedded base')
    .addHelpText('after', '\nWith two plans that both implement the embedded base (or the plan given with --parent), diff compares\nthem through it: for each parent task, kept by both, only A, only B or neither.\n\nMany plans (a directory, a pattern, more than one LOCAL, or --bases): one diff per plan, text and md one\nreport after another, json one array; for csv, html and xlsx use plancmp report. A plan that cannot be\ncompared is named on stderr with its reason and the others go on.\n\nExit codes: 0 done (no findings asked for), 1 findings (--fail-on, --exit-code, --quiet), 2 usage or input error,\n3 some of several plans could not be compared.\n\nExamples:\n  plancmp diff fixtures/000_5b73fe2b8637f3d3.txt\n  plancmp diff fixtures/002_2cdac00586eece9b.txt fixtures/001_2a7fecd8e03c454a.txt --format json --fail-on dropped,deadline\n  plancmp diff fixtures/001_2a7fecd8e03c454a.txt --quiet --fail-on dropped || echo "tasks were dropped"\n  plancmp diff fixtures/003_921a6ce2908064d7.txt --format csv -o xinchang.csv\n  plancmp diff --parent fixtures/chain/jiaxing-city-plan.txt fixtures/chain/haiyan-county-plan.txt fixtures/chain/jiashan-county-plan.txt\n  plancmp diff --bases fixtures/real/ fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt fixtures/pairs/xuchang-wufei-chengshi-shishi-fangan.txt --stat')
    .action(async (files: string[], o: RawOptions) => {
      const { runDiff } = await import('./diff-command.js');
      const opts = diffOptions(o, p.opts());
      await run(opts.output, (cio) => runDiff(files, opts, cio));
    });

  p.command('check')
    .description('lint notices (missing 发文字号, truncation, mojibake, numbering, units, brackets…), or guard their parse against snapshots')
    .argument('<inputs...>', `notices (.txt, .html, .pdf, .docx, .doc, .ofd): ${INPUTS_HELP}`)
    .addOption(new Option('-f, --format <format>', `output format: ${formatHelp('check')}`).choices(formatChoices('check')).default('text'))
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: unlimited)')
    .option('--quiet', 'report errors only (warnings are neither shown nor counted)')
    .option('--rule <name=level>', 'turn a rule off or re-rate it: off, warn or error (repeatable: --rule mojibake=warn --rule page-furniture=off)', collect)
    .option('-o, --output <file>', 'write the report to FILE (complete or not at all) instead of standard output')
    .option('--snapshot <dir>', 'compare each parse with DIR/<its path>.parse.json instead of linting')
    .option('--update', 'with --snapshot: (re)write the snapshots')
    .option('--diff', 'with --snapshot: also pin each file\'s diff against the base')
    .option('--base <file>', 'with --diff: the base plan (default: the embedded 浙政发〔2018〕16号)')
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--ocr', OCR_HELP)
    .addHelpText('after', '\nExit codes: 0 clean, 1 errors, more than --max-warnings warnings or snapshot drift, 2 usage or input error (one file given),\n3 some of several files could not be read (the others were checked).\n\nExamples:\n  plancmp check fixtures/*.txt --max-warnings 0\n  plancmp check fixtures/*.txt --rule mojibake=warn --rule page-furniture=off\n  plancmp check fixtures/*.txt --format sarif -o plancmp.sarif\n  plancmp check fixtures/chain/ --format junit -o plancmp.xml\n  plancmp check --snapshot fixtures/snapshots --diff fixtures/*.txt\n  plancmp check --snapshot fixtures/ci/snapshots --diff fixtures/ci/plan.txt --format github')
    .action(async (files: string[], o: RawOptions) => {
      const { runCheck } = await import('./check-command.js');
      const opts = checkOptions(o, p.opts());
      await run(opts.output, (cio) => runCheck(files, opts, cio));
    });
  p.command('export')
    .description('batch-export notices to structured JSON (one file each, or JSONL): parallel, resumable, one bad file never stops the batch')
    .argument('<inputs...>', 'files, directories (recursive), glob patterns, or - for a list of paths on standard input')
    .option('-o, --out <dir>', 'write one JSON per notice into DIR')
    .option('--jsonl <file>', 'write one record per line to FILE (- for standard output)')
    .option('--diff', 'also diff each notice against the base')
    .option('--base <file|auto>', 'with --diff: the base plan (default: the embedded 浙政发〔2018〕16号); auto: each notice against the plan it cites or is named after, found among the inputs, --bases and the embedded 16号')
    .option('--bases <dir>', 'with --base auto: more candidate parents, read but not exported (files, directories, globs; repeatable)', collect)
    .option('--tables <dir>', 'also write relational tables (notices, tasks, owners, deadlines, links, dropped, added, …) into DIR as CSV and Parquet')
    .option('-j, --jobs <n>', 'worker threads (default: half the cores, and up to all of them at one per 300 text inputs)')
    .option('--resume', 'skip inputs whose output exists and is current')
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .option('--errors <file>', 'where to list failed inputs as JSONL (default: OUT/errors.jsonl, FILE.errors.jsonl beside --jsonl FILE, or stderr for --jsonl -)')
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--ocr', OCR_HELP)
    .option('--shard <K/N>', 'export only part K of N (a stable split by path hash), e.g. one part per machine')
    .addHelpText('after', '\nExit codes: 0 all exported, 2 usage error, 3 some inputs failed (listed in the errors file).\n\nExamples:\n  plancmp export fixtures/ --out out/ --jobs 2\n  plancmp export "fixtures/**/*.txt" --jsonl - --diff | duckdb -c "select …"\n  plancmp export fixtures/chain --diff --base auto --tables tables/')
    .action(async (inputs: string[], o: RawOptions) => {
      const { runExport } = await import('./export-command.js');
      done(await runExport(inputs, exportOptions(o, p.opts()), io));
    });

  p.command('chain')
    .description('policy chains: which notice implements which (with the evidence), each diffed against its parent, and every task traced down every level')
    .argument('<inputs...>', 'files, directories (recursive), glob patterns, or - for a list of paths on standard input')
    .option('-o, --out <dir>', 'write chain.json, chain.jsonl, lineages.csv and chain.html into DIR')
    .option('--html <file>', 'write the HTML page (tree, and each task down every branch) to FILE')
    .option('--jsonl <file>', 'write one record per notice, then one per task lineage, to FILE (- for standard output)')
    .option('--json <file>', 'write the JSON tree with the lineages to FILE (- for standard output)')
    .option('--csv <file>', 'write the task lineages as CSV, one row per lineage and level, to FILE (- for standard output)')
    .option('--with-base', 'add the embedded 浙政发〔2018〕16号 to the inputs (unless one of them is 16号)')
    .option('--content-min <share>', 'content evidence: share of a candidate parent\'s tasks that must be carried (default 0.4)')
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--ocr', OCR_HELP)
    .addHelpText('after', '\nWithout an output option the tree is printed.\nExit codes: 0 done, 2 usage error or no readable input, 3 some inputs could not be read (listed; the chain is built from the rest).\n\nExamples:\n  plancmp chain fixtures/chain/\n  plancmp chain fixtures/chain/ --out chain-out/\n  plancmp chain fixtures/chain/ fixtures/real/ fixtures/pairs/ --html chains.html\n  plancmp chain "fixtures/real/*.html" fixtures/pairs/*.txt --jsonl - | duckdb -c "select …"')
    .action(async (inputs: string[], o: RawOptions) => {
      const { runChain } = await import('./chain-command.js');
      done(await runChain(inputs, chainOptions(o, p.opts()), io));
    });

  p.command('report')
    .description('one self-contained HTML report (overview, coverage matrix, side-by-side pages) across many local plans')
    .argument('<locals...>', `local plans: ${INPUTS_HELP}`)
    .option('--ext <list>', EXT_HELP, EXT_DEFAULT)
    .option('--base <file>', 'base plan (default: the embedded 浙政发〔2018〕16号)')
    .option('--html <file>', 'write the HTML report to FILE')
    .option('--csv <file>', 'write the coverage matrix as CSV to FILE (- for standard output)')
    .option('--xlsx <file>', 'write a workbook to FILE: one sheet per section (概况, 删减, 新增, 合并与拆分, 时限变化, 责任单位变化, 对照表)')
    .option('--tidy', 'with --csv: a long table, one row per base task and plan (base_id, plan, status, local_ids, change)')
    .option('-o, --output <file>', 'write the report to FILE: HTML for .html/.htm, CSV for .csv, a workbook for .xlsx')
    .addOption(new Option('--lang <lang>', 'language of the report and the CSV headers: zh or en (default: from LC_ALL, LC_MESSAGES, LANG; zh_* → zh)').choices([...LANGS]))
    .option('--bom', 'csv: start with a UTF-8 BOM for Excel (default for a file)')
    .option('--no-bom', 'csv: no BOM, even in a file (default on standard output)')
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--ocr', OCR_HELP)
    .addHelpText('after', '\nExit codes: 0 done, 2 usage or input error (no plan could be compared), 3 some plans failed and were left out.\n\nExamples:\n  plancmp report fixtures/000_*.txt fixtures/001_*.txt --html report.html --csv matrix.csv\n  plancmp report fixtures/000_*.txt fixtures/001_*.txt fixtures/003_*.txt --csv - --tidy\n  plancmp report "fixtures/chain/*-plan.txt" --xlsx report.xlsx')
    .action(async (locals: string[], o: RawOptions) => {
      const { runReport } = await import('./report-command.js');
      done(await runReport(locals, reportOptions(o, p.opts()), io));
    });
  return p;
}

export async function execute(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.OK;
  const p = program(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      p.outputHelp();
      return EXIT.USAGE;
    }
    // --color[=WHEN] as in git: a bare --color means always and never takes the next word as its value
    await p.parseAsync(argv.map((a) => (a === '--color' ? '--color=always' : a)), { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, successfully
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    reportError(e, io, argv.includes('--debug'));
    return EXIT.USAGE;
  }
}
