// Commander's untyped options are narrowed once per command (src/cli/options.ts).
import { describe, it, expect } from 'vitest';
import { checkOptions, diffOptions, exportOptions, parseOptions, reportOptions } from '../src/cli/options.js';

describe('typed per-command options', () => {
  it('keeps the values each command reads, typed, and drops what it does not know', () => {
    expect(parseOptions({ format: 'csv', bom: false, output: 'x.csv', stray: 1 }, { debug: true })).toEqual({ format: 'csv', encoding: undefined, ocr: undefined, bom: false, output: 'x.csv', debug: true });
    expect(diffOptions({ format: 'json', failOn: 'dropped', quiet: true }).format).toBe('json');
    expect(checkOptions({ rule: ['mojibake=warn'], maxWarnings: '0' }, {})).toMatchObject({ format: 'text', rule: ['mojibake=warn'], maxWarnings: '0' });
    expect(reportOptions({ csv: '-', tidy: true }, {})).toMatchObject({ csv: '-', tidy: true });
    expect(exportOptions({ jsonl: '-', diff: true, ext: '.txt' }, {})).toMatchObject({ jsonl: '-', diff: true, ext: '.txt' });
  });

  it('defaults --format from the table and refuses a value outside the command\'s row', () => {
    expect(parseOptions({}, {}).format).toBe('json');
    expect(() => diffOptions({ format: 'jsonl' })).toThrow(/--format: "jsonl" is not one of text, json, md, csv, html/);
    expect(() => checkOptions({ format: 'html' }, {})).toThrow(/not one of text, json, github, sarif, junit/);
  });

  it('a value of the wrong type is not passed on', () => {
    expect(diffOptions({ pairs: 3, verbose: 'yes' })).toMatchObject({ pairs: undefined, verbose: false });
  });
});
