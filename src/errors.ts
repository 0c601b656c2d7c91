/**
 * An error the user can act on: it names the file, what is wrong and what to do.
 * The CLI prints these without a stack trace and exits with `exitCode`.
 */
export class PlancmpError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly file?: string,
    public readonly hint?: string,
    public readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'PlancmpError';
  }

  /** One line for a terminal: `file: message (hint)`. */
  describe(): string {
    const where = this.file ? `${this.file}: ` : '';
    return `${where}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}

export function isPlancmpError(e: unknown): e is PlancmpError {
  return e instanceof PlancmpError;
}
