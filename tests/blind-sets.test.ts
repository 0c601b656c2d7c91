// The blind base/local pair sets (fixtures/blind/pairs-*): written by helpers who never read the
// code, each kept out of sight until the work it measured was done, then added here. Their first
// (unseen) scores are in each set's INDEX.md and in the closing notes; these floors are the scores
// after the rules were tuned on the sets, so they guard against regressions and prove nothing about
// documents nobody has seen. Since stop 40 every floor is the score at the last change less 0.02.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSet, summary } from '../src/eval/blind.js';

const ROOT = process.env.PLANCMP_BLIND ?? 'fixtures/blind';
const sets = existsSync(ROOT) ? readdirSync(ROOT).filter((d) => d.startsWith('pairs-')).sort() : [];

/**
 * Mean F1 over pairs (links, dropped, added, deadlines, owners), pooled F1 (targets, strength): a little under what was measured.
 * The deadline floors of pairs-D and pairs-E fell when the project took pairs-F's conventions that a time field saying
 * 长期坚持 / 持续推进 is a deadline and 常态化举办 → 每年举办 is changed (D and E marked those cells as none and such
 * cycles as added): see fixtures/blind/README.md. Those of pairs-A, B, D, E and F fell again when the project took
 * pairs-G, H and I's convention that an undated 定期发布 answered by a dated cycle (每季度发布) is changed, not added.
 * The owner floors of pairs-B, D, F, G and I fell in stop 40 when the leads of a merged or split group were compared
 * over the group, as units already were (issue 28's truth and the sets since pairs-K read it so; A–J judged each link).
 */
const FLOOR: Record<string, Partial<Record<'links' | 'dropped' | 'added' | 'deadlines' | 'owners' | 'targets' | 'strength', number>>> = {
  'pairs-A': { links: 0.92, dropped: 0.88, added: 0.98, deadlines: 0.77, owners: 0.86, targets: 0.80, strength: 0.64 },
  'pairs-B': { links: 0.97, dropped: 0.93, added: 0.98, deadlines: 0.74, owners: 0.83, targets: 0.87, strength: 0.89 },
  'pairs-C': { links: 0.92, dropped: 0.71, added: 0.91, deadlines: 0.77, owners: 0.67, targets: 0.76, strength: 0.86 },
  'pairs-D': { links: 0.88, dropped: 0.70, added: 0.75, deadlines: 0.61, owners: 0.73, targets: 0.80, strength: 0.86 },
  'pairs-E': { links: 0.92, dropped: 0.75, added: 0.73, deadlines: 0.70, owners: 0.79, targets: 0.85, strength: 0.84 },
  'pairs-F': { links: 0.94, dropped: 0.86, added: 0.87, deadlines: 0.78, owners: 0.78, targets: 0.83, strength: 0.81 },
  // measured unseen once at stop 37 (G: links 0.964, H: 0.711), then G as measured and H after the parsing fixes made from looking at it
  'pairs-G': { links: 0.94, dropped: 0.82, added: 0.85, deadlines: 0.74, owners: 0.70, targets: 0.79, strength: 0.78 },
  'pairs-H': { links: 0.83, dropped: 0.69, added: 0.63, deadlines: 0.70, owners: 0.54, targets: 0.82, strength: 0.77 },
  // measured unseen at stop 38 (I: links 0.903 at ea2396d; J: 0.755 at ea2396d, 0.783 at 7bd8cec), then after looking at each
  'pairs-I': { links: 0.93, dropped: 0.77, added: 0.87, deadlines: 0.83, owners: 0.64, targets: 0.78, strength: 0.76 },
  'pairs-J': { links: 0.90, dropped: 0.82, added: 0.90, deadlines: 0.85, owners: 0.60, targets: 0.82, strength: 0.79 },
  // measured unseen at stop 39 (K: links 0.747, L: 0.607 at 1becd80), then after looking at both
  'pairs-K': { links: 0.95, dropped: 0.98, added: 0.94, deadlines: 0.83, owners: 0.87, targets: 0.86, strength: 0.85 },
  'pairs-L': { links: 0.95, dropped: 0.94, added: 0.90, deadlines: 0.91, owners: 0.76, targets: 0.80, strength: 0.89 },
  // measured unseen at stop 39 (M: links 0.629, N: 0.764 at 7d6d899), then after looking at both
  'pairs-M': { links: 0.95, dropped: 0.93, added: 0.91, deadlines: 0.92, owners: 0.70, targets: 0.85, strength: 0.87 },
  'pairs-N': { links: 0.91, dropped: 0.89, added: 0.86, deadlines: 0.75, owners: 0.82, targets: 0.67, strength: 0.66 },
  // measured unseen at stop 39 (O: links 0 at 1ad06fa, its base one sentence of targets; P: 0.893), read in stop 40
  'pairs-P': { links: 0.92, dropped: 0.86, added: 0.92, deadlines: 0.77, owners: 0.90, targets: 0.80, strength: 0.83 },
  // measured unseen at the end of stop 39 (Q: 0.686, R: 0.643 at 4ed3dfc), read in stop 40
  // (dropped 0.98 → 0.89 in stop 44: bt-guyang's plan cites its base in the sentence that transmits it, 为贯彻落实《…》，
  // …现将任务分解表印发给你们, which was not read as a citation; cited, its weakest link (4 → T3, 0.14) is no longer made, nor its deadline change)
  'pairs-Q': { links: 0.90, dropped: 0.89, added: 0.84, deadlines: 0.86, owners: 0.91, targets: 0.43, strength: 0.48 },
  'pairs-R': { links: 0.83, dropped: 0.81, added: 0.84, deadlines: 0.83, owners: 0.78, targets: 0.78, strength: 0.81 },
  // measured unseen in stop 40 (see each INDEX.md): S never read; T, U, V and W read after measuring
  'pairs-O': { links: 0.98, dropped: 0.98, added: 0.98, deadlines: 0.90, owners: 0.98, targets: 0.94, strength: 0.98 },
  'pairs-S': { links: 0.93, dropped: 0.89, added: 0.86, deadlines: 0.78, owners: 0.92, targets: 0.93, strength: 0.76 },
  'pairs-T': { links: 0.96, dropped: 0.98, added: 0.94, deadlines: 0.75, owners: 0.96, targets: 0.81, strength: 0.92 },
  'pairs-U': { links: 0.84, dropped: 0.73, added: 0.81, deadlines: 0.79, owners: 0.80, targets: 0.86, strength: 0.63 },
  'pairs-V': { links: 0.96, dropped: 0.98, added: 0.92, deadlines: 0.78, owners: 0.96, targets: 0.69, strength: 0.89 },
  'pairs-W': { links: 0.81, dropped: 0.70, added: 0.63, deadlines: 0.71, owners: 0.61, targets: 0.76, strength: 0.72 },
  'pairs-AA': { links: 0.98, dropped: 0.98, added: 0.98, deadlines: 0.86, owners: 0.92, targets: 0.74, strength: 0.81 },
  'pairs-AB': { links: 0.95, dropped: 0.87, added: 0.91, deadlines: 0.85, owners: 0.87, targets: 0.95, strength: 0.70 },
  'pairs-AC': { links: 0.84, dropped: 0.75, added: 0.78, deadlines: 0.72, owners: 0.75, targets: 0.45, strength: 0.88 },
  'pairs-X': { links: 0.69, dropped: 0.83, added: 0.88, deadlines: 0.69, owners: 0.69, targets: 0.71, strength: 0.78 },
  // (dropped 0.87 → 0.75 in stop 44: its writer counted an item of 三、服务对象 (whom a campaign serves) as a task;
  // such parts are frames since then, as notices-C's real-notice truth reads them)
  'pairs-Y': { links: 0.79, dropped: 0.75, added: 0.92, deadlines: 0.50, owners: 0.56, targets: 0.64, strength: 0.70 },
  'pairs-Z': { links: 0.95, dropped: 0.86, added: 0.98, deadlines: 0.69, owners: 0.77, targets: 0.63, strength: 0.92 },
  'pairs-AD': { links: 0.90, dropped: 0.79, added: 0.78, deadlines: 0.90, owners: 0.74, targets: 0.78, strength: 0.73 },
  'pairs-AE': { links: 0.80, dropped: 0.72, added: 0.87, deadlines: 0.69, owners: 0.75, targets: 0.78, strength: 0.63 },
  'pairs-AF': { links: 0.90, dropped: 0.98, added: 0.84, deadlines: 0.60, owners: 0.85, targets: 0.66, strength: 0.81 },
  'pairs-AG': { links: 0.94, dropped: 0.91, added: 0.98, deadlines: 0.79, owners: 0.94, targets: 0.91, strength: 0.87 },
  // measured unseen at stop 43 (AH: links 0.787, AK: 0.809 at e23e816), then after looking at both; AI and AJ joined unread
  'pairs-AH': { links: 0.95, dropped: 0.87, added: 0.91, deadlines: 0.85, owners: 0.55, targets: 0.69, strength: 0.60 },
  'pairs-AI': { links: 0.83, dropped: 0.57, added: 0.86, deadlines: 0.65, owners: 0.60, targets: 0.83, strength: 0.35 },
  'pairs-AJ': { links: 0.94, dropped: 0.84, added: 0.90, deadlines: 0.83, owners: 0.90, targets: 0.71, strength: 0.76 },
  'pairs-AK': { links: 0.96, dropped: 0.94, added: 0.94, deadlines: 0.91, owners: 0.82, targets: 0.83, strength: 0.71 },
  // measured unseen at stop 44 (AL, AN until the second commit; AM, AO until the first), then after looking at each
  'pairs-AL': { links: 0.94, dropped: 0.92, added: 0.90, deadlines: 0.74, owners: 0.82, targets: 0.75, strength: 0.41 },
  'pairs-AM': { links: 0.98, dropped: 0.98, added: 0.98, deadlines: 0.85, owners: 0.27, targets: 0.70, strength: 0.64 },
  'pairs-AN': { links: 0.96, dropped: 0.94, added: 0.98, deadlines: 0.77, owners: 0.83, targets: 0.85, strength: 0.76 },
  'pairs-AO': { links: 0.94, dropped: 0.82, added: 0.94, deadlines: 0.80, owners: 0.77, targets: 0.76, strength: 0.71 },
  // measured unseen at the end of stop 44; AP and AR joined unread, AQ was read after joining
  'pairs-AP': { links: 0.94, dropped: 0.98, added: 0.81, deadlines: 0.81, owners: 0.87, targets: 0.74, strength: 0.79 },
  'pairs-AQ': { links: 0.94, dropped: 0.93, added: 0.56, deadlines: 0.77, owners: 0.92, targets: 0.67, strength: 0.50 },
  'pairs-AR': { links: 0.96, dropped: 0.93, added: 0.98, deadlines: 0.88, owners: 0.69, targets: 0.93, strength: 0.58 },
};

describe.each(sets)('%s', (set) => {
  it('scores at least its floors', async () => {
    const s = summary(await scoreSet(join(ROOT, set)));
    const got = { links: s.links, dropped: s.dropped, added: s.added, deadlines: s.deadlines, owners: s.owners, targets: s.targets.f1, strength: s.strength.f1 };
    if (process.env.PLANCMP_BLIND_PRINT) console.log(set, Object.entries(got).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(' '), `linkP ${s.linkPrecision.toFixed(3)} targetsP ${s.targets.precision.toFixed(3)} strengthP ${s.strength.precision.toFixed(3)}`);
    for (const [k, floor] of Object.entries(FLOOR[set] ?? {})) expect(got[k as keyof typeof got], k).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});
