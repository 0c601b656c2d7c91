// plancmp command line: a thin shell over the library. execute() returns the exit code instead
// of exiting, so tests and other programs can run it in-process.
import { Command, CommanderError, Option } from 'commander';
import { processIo, type Io } from './io.js';
import { EXIT } from './exit.js';
import { reportError } from './report-error.js';

const VERSION = '0.1.0';

function program(io: Io, done: (code: number) => void): Command {
  const p = new Command('plancmp')
    .description('Compare Chinese government implementation plans (实施方案) with the provincial task list they implement.')
    .version(VERSION)
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run plancmp --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  p.command('parse')
    .description('parse notices into structured data: meta, sections, tasks with units and deadlines, key list, warnings')
    .argument('<files...>', 'notice files (.txt or .html; UTF-8, GB18030/GBK, Big5, UTF-16); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text', 'md', 'csv']).default('json'))
    .option('-e, --encoding <name>', 'force the input encoding (utf-8, gb18030, gbk, big5, utf-16le, utf-16be)')
    .addHelpText('after', '\nExamples:\n  plancmp parse fixtures/002_2cdac00586eece9b.txt --format text\n  plancmp parse notice.html > notice.json')
    .action(async (files: string[], o) => {
      const { runParse } = await import('./parse-command.js');
      done(await runParse(files, { ...o, debug: p.opts().debug }, io));
    });

  p.command('diff')
    .description('align a local plan with the base plan: links, dropped, added, merged, reworded, deadline changes')
    .argument('<files...>', '[BASE] LOCAL — with one file, BASE is the embedded 浙政发〔2018〕16号')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .option('-e, --encoding <name>', 'force the input encoding')
    .option('--pairs <file>', 'JSON file of links to pin and ban: {"pin":[{"base":"7.2","local":"7.1"}],"ban":[…]}')
    .option('--fail-on <findings>', 'exit 1 when any of these exist: dropped,added,deadline,merged,reworded; narrow deadlines with deadline:earlier,later,changed,removed,added,not-restated')
    .option('-v, --verbose', 'text format: also list every link')
    .addHelpText('after', '\nExit codes: 0 done, 1 --fail-on findings, 2 usage or input error.\n\nExamples:\n  plancmp diff fixtures/000_5b73fe2b8637f3d3.txt\n  plancmp diff base.txt local.html --format json --fail-on dropped,deadline')
    .action(async (files: string[], o) => {
      const { runDiff } = await import('./diff-command.js');
      done(await runDiff(files, o, io));
    });

  p.command('check')
    .description('lint notices (missing 发文字号, truncation, mojibake, numbering, units, brackets…), or guard their parse against snapshots')
    .argument('<files...>', 'notice files (.txt or .html)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: unlimited)')
    .option('--snapshot <dir>', 'compare each parse with DIR/<basename>.parse.json instead of linting')
    .option('--update', 'with --snapshot: (re)write the snapshots')
    .option('--diff', 'with --snapshot: also pin each file\'s diff against the base')
    .option('--base <file>', 'with --diff: the base plan (default: the embedded 浙政发〔2018〕16号)')
    .option('-e, --encoding <name>', 'force the input encoding')
    .addHelpText('after', '\nExit codes: 0 clean, 1 errors, more than --max-warnings warnings or snapshot drift, 2 usage or input error.\n\nExamples:\n  plancmp check fixtures/*.txt --max-warnings 0\n  plancmp check --snapshot fixtures/snapshots fixtures/*.txt')
    .action(async (files: string[], o) => {
      const { runCheck } = await import('./check-command.js');
      done(await runCheck(files, { ...o, debug: p.opts().debug }, io));
    });
  p.command('export')
    .description('batch-export notices to structured JSON (one file each, or JSONL): parallel, resumable, one bad file never stops the batch')
    .argument('<inputs...>', 'files, directories (recursive), glob patterns, or - for a list of paths on standard input')
    .option('-o, --out <dir>', 'write one JSON per notice into DIR')
    .option('--jsonl <file>', 'write one record per line to FILE (- for standard output)')
    .option('--diff', 'also diff each notice against the base')
    .option('--base <file>', 'with --diff: the base plan (default: the embedded 浙政发〔2018〕16号)')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('--resume', 'skip inputs whose output exists and is current')
    .option('--ext <list>', 'extensions taken from directories', '.txt,.htm,.html')
    .option('--errors <file>', 'where to list failed inputs as JSONL (default: OUT/errors.jsonl, FILE.errors.jsonl beside --jsonl FILE, or stderr for --jsonl -)')
    .option('-e, --encoding <name>', 'force the input encoding')
    .addHelpText('after', '\nExit codes: 0 all exported, 2 usage error, 3 some inputs failed (listed in the errors file).\n\nExamples:\n  plancmp export corpus/ --out out/ --jobs 2\n  plancmp export "notices/**/*.html" --jsonl - --diff | duckdb -c "select …"')
    .action(async (inputs: string[], o) => {
      const { runExport } = await import('./export-command.js');
      done(await runExport(inputs, { ...o, debug: p.opts().debug }, io));
    });

  p.command('report')
    .description('one self-contained HTML report (overview, coverage matrix, side-by-side pages) across many local plans')
    .argument('<locals...>', 'local plan files')
    .option('--base <file>', 'base plan (default: the embedded 浙政发〔2018〕16号)')
    .option('--html <file>', 'write the HTML report to FILE')
    .option('--csv <file>', 'write the coverage matrix as CSV (UTF-8 with BOM) to FILE')
    .option('-e, --encoding <name>', 'force the input encoding')
    .addHelpText('after', '\nExamples:\n  plancmp report fixtures/000_*.txt fixtures/001_*.txt --html report.html --csv matrix.csv')
    .action(async (locals: string[], o) => {
      const { runReport } = await import('./report-command.js');
      done(await runReport(locals, { ...o, debug: p.opts().debug }, io));
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
    await p.parseAsync(argv, { from: 'user' });
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
