// Which input does each notice implement? Evidence, strongest first:
//   1. it cites an input in its opening — by 文号 (cites-docnumber), or by title when the citation
//      carries no 文号 (cites-title);
//   2. it cites a plan in its opening that is not among the inputs → an orphan, listed with that
//      citation (a notice that names its parent is not attached to a plan it merely resembles);
//   3. its own name is "<an input's plan name, or the subject of an input's 关于X的意见/决定> +
//      实施方案/实施意见/…" (plan-name);
//   4. it carries most of an input's tasks (content), tried only against a few candidates found
//      through an index of task titles, so a corpus never costs a diff per pair. `chain` uses it;
//      the commands that diff each notice against its parent do not (readerParents below).
// A parent never sits below its child (administrative level, date), is never the notice itself or
// another copy of it (same 文号). Lookups go through indexes, so finding all parents is linear in
// the number of notices.
import type { Notice, PlanDiff, Reference } from '../model.js';
import { content } from '../align/text.js';
import { diffNotices } from '../diff/index.js';
import { normalizeDocNumber } from '../parse/docnumber.js';
import type { ChainOptions } from './options.js';
import type { ParentEvidence } from './types.js';
import { adminLevel, implementedKey, nameKey, noticeNames, planLike, subjectKey } from './names.js';
import { CHAIN_DEFAULTS } from './options.js';

export interface ParentChoice {
  parent: number | null;
  evidence: ParentEvidence;
  detail?: string;
  citedParent?: string;
  /** The diff against the chosen parent when finding it already needed one (content evidence). */
  diff?: PlanDiff;
  notes: string[];
}

interface Facts {
  level?: number;
  date?: string;
  docNumber?: string;
  keys: string[];
  /** Subjects of its name (X of 关于X的意见): a plan named X实施方案 implements it. */
  subjects: string[];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V, cap: number): void {
  const a = m.get(k);
  if (!a) m.set(k, [v]);
  else if (a.length < cap) a.push(v);
}

function citation(r: Reference): string {
  return [r.title && `《${r.title}》`, r.docNumber && `（${r.docNumber}）`].filter(Boolean).join('');
}

/** Keys of a task for the content index: the 4-character runs of its title (a reworded title keeps some). */
function taskKeys(title: string): string[] {
  const c = content(title).slice(0, 40);
  const out: string[] = [];
  for (let i = 0; i + 4 <= c.length; i++) out.push(c.slice(i, i + 4));
  return out;
}

/** The task titles in order: two notices with the same are copies of one document, not parent and child. */
function taskPrint(n: Notice): string {
  return n.tasks.map((t) => content(t.title)).join('|');
}

/**
 * How much of a candidate parent a notice carries: the share of the parent's tasks it links to, or —
 * for a partial or truncated copy — the share of its own tasks that come from the parent. Thematic
 * 'overlap' links (a plan of another family) do not count.
 */
export function carried(d: PlanDiff): number {
  const links = d.links.filter((k) => (k.kind as string) !== 'overlap');
  const base = new Set(links.map((k) => k.base)).size / Math.max(1, d.summary.baseTasks);
  const local = new Set(links.map((k) => k.local)).size / Math.max(1, d.summary.localTasks);
  return Math.round(Math.max(base, local) * 1000) / 1000;
}

export class ParentFinder {
  private readonly facts: Facts[];
  private readonly byDocNo = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  /** By subject (X of 关于X的意见), apart from byName: a citation of 《X》 names X itself, not an opinion about it. */
  private readonly bySubject = new Map<string, number[]>();
  private readonly byTask = new Map<string, number[]>();
  /** Notices in the order candidates are preferred: higher level first, then earlier. */
  private readonly rank: number[];

  constructor(
    private readonly notices: Notice[],
    private readonly opts: ChainOptions,
  ) {
    this.facts = notices.map((n) => ({
      level: adminLevel(n),
      date: n.meta.date,
      docNumber: n.meta.docNumber ? (normalizeDocNumber(n.meta.docNumber) ?? n.meta.docNumber) : undefined,
      keys: [...new Set(noticeNames(n).map(nameKey).filter((k) => k.length >= opts.minNameKey))],
      subjects: [...new Set(noticeNames(n).map(subjectKey).filter((k): k is string => !!k && k.length >= opts.minNameKey))],
    }));
    const order = notices.map((_, i) => i);
    order.sort((a, b) => (this.facts[a].level ?? 9) - (this.facts[b].level ?? 9) || (this.facts[a].date ?? '9999').localeCompare(this.facts[b].date ?? '9999') || a - b);
    this.rank = new Array(notices.length);
    order.forEach((i, r) => (this.rank[i] = r));
    // posting lists are capped (highest levels, earliest dates first): a lookup never scans the corpus
    const cap = opts.postingCap;
    for (const i of order) {
      const f = this.facts[i];
      if (f.docNumber) push(this.byDocNo, f.docNumber, i, cap);
      for (const k of f.keys) push(this.byName, k, i, cap);
      for (const k of f.subjects) push(this.bySubject, k, i, cap);
      const seen = new Set<string>();
      for (const t of notices[i].tasks)
        for (const k of taskKeys(t.title))
          if (!seen.has(k)) {
            seen.add(k);
            push(this.byTask, k, i, cap);
          }
    }
  }

  /** Whether candidate p may be child c's parent: not itself, not another copy, not below it. */
  private eligible(p: number, c: number, cited = false): boolean {
    if (p === c) return false;
    const fp = this.facts[p];
    const fc = this.facts[c];
    if (fp.docNumber && fp.docNumber === fc.docNumber) return false;
    if (fp.level !== undefined && fc.level !== undefined && fp.level > fc.level) return false;
    // a document the notice cites is older than it whatever the dates say (a misread date, a reissue)
    if (!cited && fp.date && fc.date && fp.date > fc.date) return false;
    return true;
  }

  /**
   * Content alone does not say which of two plans copied the other: a parent by content must come
   * from a higher level or be dated earlier (when the notices say), never a same-level, same-day twin.
   */
  private before(p: number, c: number): boolean {
    const fp = this.facts[p];
    const fc = this.facts[c];
    const levelKnown = fp.level !== undefined && fc.level !== undefined;
    const dateKnown = !!fp.date && !!fc.date;
    if (!levelKnown && !dateKnown) return true;
    return (levelKnown && fp.level! < fc.level!) || (dateKnown && fp.date! < fc.date!);
  }

  /** Among eligible candidates, the closest above the child: strictly higher level first, then the lowest such level, then the latest date. */
  private closest(cands: number[], c: number, cited = false): number | undefined {
    const ok = cands.filter((p) => this.eligible(p, c, cited));
    const lc = this.facts[c].level;
    const score = (p: number) => {
      const lp = this.facts[p].level;
      const above = lp !== undefined && lc !== undefined && lp < lc ? 1 : 0;
      return [above, lp ?? -1, this.facts[p].date ?? ''] as const;
    };
    let best: number | undefined;
    for (const p of ok) {
      if (best === undefined) {
        best = p;
        continue;
      }
      const a = score(p);
      const b = score(best);
      if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) best = p;
    }
    return best;
  }

  find(c: number): ParentChoice {
    const n = this.notices[c];
    const notes: string[] = [];
    const copies = this.facts[c].docNumber ? (this.byDocNo.get(this.facts[c].docNumber!) ?? []).filter((q) => q !== c) : [];
    if (copies.length) notes.push(`${copies.map((q) => this.notices[q].source.file).join('、')} carries the same 文号 (another copy?)`);
    // 1. citations in the opening (before the first task): a parent is cited where the notice says what it implements
    const firstTask = n.tasks[0]?.line ?? Infinity;
    const refs = n.references.filter((r) => r.line < firstTask);
    const own = this.facts[c];
    const citedInputs: { p: number; r: Reference; by: 'cites-docnumber' | 'cites-title' }[] = [];
    const missing: Reference[] = [];
    for (const r of refs) {
      const dn = r.docNumber ? (normalizeDocNumber(r.docNumber) ?? r.docNumber) : undefined;
      if (dn && dn === own.docNumber) continue;
      let p: number | undefined;
      let by: 'cites-docnumber' | 'cites-title' = 'cites-docnumber';
      if (dn) p = this.closest(this.byDocNo.get(dn) ?? [], c, true);
      if (p === undefined && r.title) {
        const k = nameKey(r.title);
        // a citation with a 文号 names one document: by title it may only match an input that has no 文号
        const cands = (this.byName.get(k) ?? []).filter((q) => !dn || !this.facts[q].docNumber);
        p = k.length >= this.opts.minNameKey ? this.closest(cands, c, true) : undefined;
        by = 'cites-title';
      }
      if (p !== undefined) citedInputs.push({ p, r, by });
      else if (dn && (this.byDocNo.get(dn) ?? []).some((q) => q !== c)) notes.push(`cites ${citation(r)}, an input of a lower level: not taken as its parent`);
      else if (dn || (r.title && planLike(r.title))) missing.push(r);
    }
    if (citedInputs.length) {
      // citing several inputs (the national and the provincial plan): the parent is the closest one above
      const p = this.closest(
        citedInputs.map((x) => x.p),
        c,
        true,
      )!;
      const hit = citedInputs.find((x) => x.p === p)!;
      if (citedInputs.length > 1) notes.push(`also cites ${citedInputs.filter((x) => x.p !== p).map((x) => citation(x.r)).join('、')}`);
      return { parent: p, evidence: hit.by, detail: `cites ${citation(hit.r)} (line ${hit.r.line})`, notes };
    }
    if (missing.length) {
      // the cited document may still be an input that does not say its 文号 (or title): only content can tell
      const anonymous = (q: number) =>
        missing.some((r) => (r.docNumber ? !this.facts[q].docNumber : !this.notices[q].meta.title && !this.notices[q].meta.planTitle));
      const byContent = this.byContent(c, notes, anonymous);
      if (byContent.parent !== null) {
        byContent.detail = `cites ${citation(missing[0])}, which no input names itself; the parent, an input that does not give its ${missing[0].docNumber ? '文号' : 'title'}, was found by content: ${byContent.detail}`;
        return byContent;
      }
      const r = missing[0];
      return { parent: null, evidence: 'none', citedParent: r.docNumber ?? `《${r.title}》`, detail: `cites ${citation(r)} (line ${r.line}), which is not among the inputs`, notes };
    }
    // 3. plan name: 新昌县人民政府“两强三提高”建设行动计划实施方案 → an input named 政府“两强三提高”建设行动计划
    for (const name of noticeNames(n)) {
      const k = implementedKey(name);
      if (!k || k.length < this.opts.minNameKey) continue;
      const named = [...new Set([...(this.byName.get(k) ?? []), ...(this.bySubject.get(k) ?? [])])];
      const p = this.closest(named, c);
      if (p !== undefined) {
        const same = named.filter((q) => this.eligible(q, c)).length;
        if (same > 1) notes.push(`${same} inputs carry the plan name ${k}; the closest above was taken`);
        return { parent: p, evidence: 'plan-name', detail: `its name 《${name}》 implements the plan named 《${this.notices[p].meta.planTitle ?? this.notices[p].meta.title}》`, notes };
      }
    }
    // 4. content, against a bounded candidate set
    return this.byContent(c, notes);
  }

  private byContent(c: number, notes: string[], only: (p: number) => boolean = () => true): ParentChoice {
    const n = this.notices[c];
    if (!n.tasks.length) return { parent: null, evidence: 'none', notes };
    const votes = new Map<number, number>();
    const seen = new Set<string>();
    for (const t of n.tasks)
      for (const k of taskKeys(t.title)) {
        if (seen.has(k)) continue;
        seen.add(k);
        for (const p of this.byTask.get(k) ?? []) if (p !== c) votes.set(p, (votes.get(p) ?? 0) + 1);
      }
    const print = taskPrint(n);
    const cands = [...votes.entries()]
      .filter(([p]) => this.eligible(p, c) && this.before(p, c) && only(p) && taskPrint(this.notices[p]) !== print)
      .sort((a, b) => b[1] - a[1] || this.rank[a[0]] - this.rank[b[0]])
      .slice(0, this.opts.contentCandidates)
      .map(([p]) => p);
    let best: { p: number; d: PlanDiff; share: number } | undefined;
    for (const p of cands) {
      if (!this.notices[p].tasks.length) continue;
      const d = diffNotices(this.notices[p], n);
      const share = carried(d);
      if (share >= this.opts.contentMin && (!best || share > best.share)) best = { p, d, share };
    }
    if (!best) return { parent: null, evidence: 'none', notes };
    const s = best.d.summary;
    return {
      parent: best.p,
      evidence: 'content',
      detail: `carries ${s.linked} of the parent's ${s.baseTasks} tasks; ${s.localTasks - s.added} of its own ${s.localTasks} come from it`,
      diff: best.d,
      notes,
    };
  }
}

/**
 * The parents a reader would give, for the commands that diff each notice against its parent
 * (`diff --bases`, `export --base auto`): cited by 文号 or title, or named after it (its plan name or
 * the subject of its 关于X的意见). Content alone is not evidence here — a plan that carries another's
 * tasks without naming it is not diffed against it; `chain`, which maps a corpus, still uses it.
 */
export function readerParents(notices: Notice[]): ParentFinder {
  return new ParentFinder(notices, { ...CHAIN_DEFAULTS, contentCandidates: 0 });
}
