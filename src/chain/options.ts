// Thresholds of the chain builder in one place (the CLI and the library take overrides).
export interface ChainOptions {
  /** Content fallback: share of the parent's tasks (or of the notice's own, for a partial copy) with a strong counterpart. */
  contentMin: number;
  /** Content fallback: at most this many candidate parents are diffed per notice without other evidence. */
  contentCandidates: number;
  /** At most this many notices are kept per 文号, plan name and task-title key (highest level, earliest first): lookups stay bounded. */
  postingCap: number;
  /** Plan-name keys shorter than this (in characters) are too generic to name a parent (方案, 工作方案). */
  minNameKey: number;
}

export const CHAIN_DEFAULTS: ChainOptions = {
  contentMin: 0.4,
  contentCandidates: 3,
  postingCap: 64,
  minNameKey: 6,
};
