/**
 * A mistake the user can fix: bad input, a missing tool, a missing credential. `run()` prints it as one clear
 * line (message, then the fix) and never a stack trace.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly fix: string | undefined;
  readonly code: string;

  constructor(message: string, options: { fix?: string; code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fix = options.fix;
    this.code = options.code ?? 'user-error';
  }
}

/** An input that does not have the shape its action.yml promises. */
export class InputError extends UserError {
  override readonly name = 'InputError';
  readonly input: string;

  constructor(input: string, value: string | undefined, expected: string, fix?: string) {
    const shown = value === undefined || value === '' ? 'is empty' : `is ${quote(value)}`;
    super(`Input '${input}' ${shown}: expected ${expected}.`, { code: 'bad-input', ...(fix ? { fix } : {}) });
    this.input = input;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** One line for a user: the message and, when there is one, how to fix it. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.fix ? `${error.message} Fix: ${error.fix}` : error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

const MAX_SHOWN = 120;
export function quote(value: string): string {
  const oneLine = value.replace(/\r?\n/g, '\\n');
  const shown = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}… (${value.length} chars)` : oneLine;
  return `'${shown}'`;
}
