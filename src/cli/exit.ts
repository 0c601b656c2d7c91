// Exit codes CI can rely on (documented in the README).
export const EXIT = {
  OK: 0,
  /** --fail-on found what it was told to fail on (diff), or check found errors */
  FINDINGS: 1,
  /** usage error or unreadable input: nothing useful was produced */
  USAGE: 2,
  /** a batch finished, but some inputs failed (they are listed with their reasons) */
  PARTIAL: 3,
} as const;
