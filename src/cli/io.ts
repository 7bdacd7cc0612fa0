/**
 * What a command may touch of the outside world, passed in explicitly so tests
 * can run commands in-process and capture their output.
 */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for EXPR = `-` and `--batch -`). */
  readonly readStdin: () => Promise<string>;
  /** True when standard output is a terminal (progress bars only then). */
  readonly isTty: boolean;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** Verification failed (a step or a result did not check). */
  failed: 1,
  /** Bad input: unreadable file, parse error, unknown option. */
  badInput: 2,
  /** Nothing failed, but something was undecided: not a pass a grading script may count (`--allow-undecided` maps it to 0). */
  undecided: 3,
} as const;

/**
 * An error caused by the user's input: printed as one line on stderr, exit 2,
 * never with a stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: Boolean(process.stdout.isTTY),
  };
}
