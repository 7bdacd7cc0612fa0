/**
 * Build step (`npm run build`, after tsc and the compiled rules): bundles the
 * command line with esbuild into dist/cli/, the folder the `gradtex` bin and
 * `npm start` run. Start-up then reads a handful of files instead of
 * resolving and compiling some 150 ES modules one by one.
 *
 * Code splitting keeps every lazy `import()` a chunk of its own: `gradtex
 * diff` loads the dispatcher and the diff command, never the Markdown stack,
 * the training core or the matrix mode. Packages loaded at run time through
 * `createRequire` (nerdamer, KaTeX, mathjs) are not bundled: they load from
 * node_modules on the paths that ask for them, as before.
 *
 * Everything the bundle finds relative to its own file stays where the
 * modules expect it: the output is one flat folder, so the worker scripts
 * (`new URL('./batch-worker.js', import.meta.url)`) are entry points of
 * their own beside the chunks, and compiled-rules.json is copied next to
 * them; the rules/ and templates/ folders are found by walking up to the
 * package root, which works from dist/cli/ as from dist/src/<folder>/.
 *
 *     node dist/src/cli/write-bundle.js      # after tsc -b and write-compiled-rules
 */
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledRulesPath } from '../rewrite/load-rules.js';
import { writeSnapshot } from './write-snapshot.js';

/** The package root: this file is dist/src/cli/write-bundle.js. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outdir = join(root, 'dist', 'cli');

/**
 * Entry points by output name. The worker names must stay the file names
 * the modules that start them look for next to themselves.
 */
const ENTRIES: Readonly<Record<string, string>> = {
  gradtex: 'src/cli/gradtex.ts',
  'main-job': 'src/cli/main-job.ts',
  'batch-worker': 'src/cli/batch-worker.ts',
  'file-worker': 'src/cli/file-worker.ts',
  'nerdamer-worker': 'src/numeric/nerdamer-worker.ts',
  'gemm-worker': 'src/train/kernel/gemm-worker.ts',
};

/**
 * CommonJS packages bundled into ES modules (commander, dagre) call
 * `require` for Node's own modules; an ES module has none, so each output
 * file gets one made for its own location.
 */
const REQUIRE_SHIM = "import { createRequire as __gradtexCreateRequire } from 'node:module';\nconst require = __gradtexCreateRequire(import.meta.url);";

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Flat: chunks beside the entries, so import.meta.url-relative paths are the same in every output file.
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  banner: { js: REQUIRE_SHIM },
  logLevel: 'warning',
});
copyFileSync(compiledRulesPath(), join(outdir, 'compiled-rules.json'));
// The bin (dist/cli/gradtex) and the start-up snapshot it runs the quick commands from.
await writeSnapshot(root, outdir);
