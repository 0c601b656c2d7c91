/**
 * An error the user can act on: it names the file, what is wrong and what to do. The commands turn
 * it into a fatal message on that file's result (src/result.ts); the exit code follows from how many
 * files failed (exitCode in src/cli/exit.ts), never from the error itself.
 */
export class PlancmpError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly file?: string,
    public readonly hint?: string,
  ) {
    super(message);
    this.name = 'PlancmpError';
  }

  /** One line for a terminal: `file: message — hint`. */
  describe(): string {
    const where = this.file ? `${this.file}: ` : '';
    return `${where}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}

export function isPlancmpError(e: unknown): e is PlancmpError {
  return e instanceof PlancmpError;
}
