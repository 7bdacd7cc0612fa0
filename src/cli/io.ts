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

/**
 * The exit code when the reader of standard output went away (`gradtex … |
 * head -1`): what a shell reports for a tool killed by SIGPIPE (128 + 13).
 * Never 0: the verdict the exit code would have carried was not delivered.
 */
export const BROKEN_PIPE_EXIT = 141;

/**
 * A closed pipe on standard output or error ends the process quietly (exit
 * 141) instead of crashing with a stack trace on the unhandled EPIPE; any
 * other write error still throws. The bin calls it first thing.
 */
export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(BROKEN_PIPE_EXIT);
    });
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
