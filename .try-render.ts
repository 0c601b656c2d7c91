import { loadBase, parseFile } from '/work/main/src/pipeline.ts';
import { diffNotices } from '/work/main/src/diff/index.ts';
import { renderDiff, renderParse, makeColors } from '/work/main/src/render/index.ts';
const f = process.argv[2]; const fmt = (process.argv[3] ?? 'text') as any;
const base = loadBase(); const local = await parseFile(f);
const d = diffNotices(base, local);
const c = makeColors({});
if (process.argv[4] === 'parse') process.stdout.write(renderParse(fmt, local, c));
else process.stdout.write(renderDiff(fmt, d, base, local, c, { verbose: process.argv[4] === 'v' }));
