// Exit codes CI can rely on (documented in the README), and the one rule every command follows.
export const EXIT = {
  OK: 0,
  /** --fail-on found what it was told to fail on (diff), or check found errors */
  FINDINGS: 1,
  /** usage error or unreadable input: nothing useful was produced */
  USAGE: 2,
  /** a batch finished, but some inputs failed (they are listed with their reasons) */
  PARTIAL: 3,
} as const;

/**
 * The exit code of a command over `total` inputs of which `failed` could not be processed:
 * failures come before findings (a CI job must see that an input was not looked at at all);
 * some of several failed → 3, all of them (or the only one) → 2; else findings → 1, else 0.
 */
export function exitCode(failed: number, total: number, findings = false): number {
  if (failed > 0) return failed < total ? EXIT.PARTIAL : EXIT.USAGE;
  return findings ? EXIT.FINDINGS : EXIT.OK;
}
