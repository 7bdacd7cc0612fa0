/**
 * What the V8 start-up snapshots the `gradtex` bin starts from have in
 * common (dist/cli/gradtex-diff.blob for `diff`: snapshot-diff.ts;
 * gradtex.blob for `simplify`, `eval`, `equal`: snapshot-quick.ts;
 * dist/cli/gradtex-check.blob for `check`, with the
 * Markdown stack: snapshot-check.ts; made by write-snapshot.ts in `npm run
 * build`). Run once at build time, an entry loads its commands and
 * nerdamer with its prime tables, and V8 saves the heap; each run then
 * starts from that heap instead of compiling the modules and loading
 * nerdamer again (nerdamer alone costs about as much as starting Node).
 * Three blobs, because each run pays for the whole heap it starts from.
 *
 * Only code is loaded here, never a user's command run: the warm-up's
 * answers are thrown away. A run uses the heap only when it is the build's
 * own: the bin (dist/cli/gradtex, a shell script) passes the bundle's path,
 * and anything else — another command, a package moved or copied since the
 * build (the heap holds paths found from the build's location) — runs the
 * bundle instead, exactly as without a snapshot:
 *
 *     node --snapshot-blob dist/cli/gradtex-diff.blob dist/cli/gradtex.js diff 'x^2' --wrt x
 */
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus.js';
import 'nerdamer/Algebra.js';
import Module from 'node:module';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import type { CommandModule } from './command.js';
import { exitQuietlyOnBrokenPipe, processIo, type Io } from './io.js';
import { runCliWith } from './run-cli.js';
import { useLoadedNerdamer, type Nerdamer } from '../numeric/nerdamer-bridge.js';

/**
 * The folder the snapshot was built for. The snapshot bundle is built with
 * import.meta.url standing for the bundle's gradtex.js (write-snapshot.ts),
 * so every path a module finds from its own location is the bundle's.
 */
const BUILT_FOR = dirname(fileURLToPath(import.meta.url));

useLoadedNerdamer(nerdamer as unknown as Nerdamer);

/**
 * Build-time warm-up: each quick command runs once on small inputs (none
 * of them the benchmark's), its output thrown away, so that V8 compiles the
 * functions they call now; the snapshot keeps that bytecode, and a run does
 * not compile them again. A run keeps nothing else from it: the engine, the
 * rules and the random points are made per command, and nerdamer is flushed
 * after every question, as in any process that asks it several times.
 */
async function warmUp(quick: ReadonlyMap<string, CommandModule>): Promise<void> {
  const quiet: Io = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '', isTty: false };
  const dir = mkdtempSync(join(tmpdir(), 'gradtex-warm-up-'));
  try {
    const doc = join(dir, 'warm-up.md');
    writeFileSync(doc, '# Warm-up\n\nLet $u = 3t$.\n\n$$\\frac{d}{dt} \\sin(t)^2 = 2\\sin(t)\\cos(t)$$\n\n$$(a+b)^2 = a^2 + 2ab + b^2 \\quad\\text{and}\\quad e^{\\ln t} \\le t$$\n');
    const runs: string[][] = [
      ['diff', 'sigma(w*t + b)*log(t) - t^3/2', '--wrt', 't'],
      ['diff', '\\tanh(a t)', '--wrt', 't', '--format', 'json'],
      ['simplify', '(t+1)^2 - t^2'],
      ['eval', 'exp(t)/(1+t^2)', '--at', 't=0.7'],
      ['equal', 'tanh(t)', '2*sigma(2*t) - 1'],
      ['check', doc],
    ];
    for (const args of runs) {
      const command = quick.get(args[0] ?? '');
      if (command !== undefined) await runCliWith(args, quiet, async () => [command]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The command `argv` names when it is one in the heap (the first word, as commandsFor reads it). */
function quickCommand(quick: ReadonlyMap<string, CommandModule>, argv: readonly string[]): CommandModule | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return first === undefined || argv[0] !== first ? undefined : quick.get(first);
}

function sameFolder(bundle: string): boolean {
  try {
    return realpathSync(dirname(bundle)) === BUILT_FOR;
  } catch {
    return false;
  }
}

/** A run: the quick command from the heap, or the bundle (see the top of the file). */
function main(quick: ReadonlyMap<string, CommandModule>): void {
  // Started as `node --snapshot-blob BLOB BUNDLE ARGS…`: BUNDLE is argv[1], as for a script.
  const bundle = process.argv[1] ?? '';
  const argv = process.argv.slice(2);
  const command = quickCommand(quick, argv);
  if (command === undefined || !sameFolder(bundle)) {
    // The bundle, run as node would run it as a script (ES module, its own lazy imports).
    Module.runMain(bundle);
    return;
  }
  exitQuietlyOnBrokenPipe();
  void runCliWith(argv, processIo(), async () => [command]).then((code) => {
    process.exitCode = code;
  });
}

/**
 * The entry's work: warm `quick` up, then hand V8 the function each run
 * starts with. The snapshot is taken once the warm-up is done (node waits
 * for the event loop); a failed warm-up fails the build of the blob.
 */
export function snapshotOf(quick: ReadonlyMap<string, CommandModule>): void {
  warmUp(quick).then(
    () => startupSnapshot.setDeserializeMainFunction(() => main(quick)),
    (err: unknown) => {
      process.stderr.write(`snapshot warm-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
