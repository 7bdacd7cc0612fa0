/**
 * Build step, after the bundle (write-bundle.ts calls it): the V8 start-up
 * snapshot the `gradtex` bin starts the quick commands from, and the bin
 * itself.
 *
 * 1. esbuild bundles snapshot-entry.ts into one CommonJS file (what
 *    `node --build-snapshot` takes), nerdamer included, with import.meta.url
 *    standing for dist/cli/gradtex.js: the modules find their files (rules,
 *    compiled rules, worker scripts) where the bundle's modules find them.
 * 2. `node --snapshot-blob dist/cli/gradtex.blob --build-snapshot` runs it
 *    and saves the heap. Written to a temporary name and renamed, so a
 *    failed or interrupted build leaves no blob: the bin then runs the
 *    bundle, as it would anyway.
 * 3. The stamp the bin checks (gradtex.sh): gradtex.blob.node, a link to the
 *    node binary that built the blob, and the blob's file time set to that
 *    binary's, since Node refuses a blob another version built.
 * 4. dist/cli/gradtex, the bin: src/cli/gradtex.sh.
 *
 * The blob is built here, on the machine that will run it, never committed
 * or downloaded. A failure to build it is a warning, not an error: gradtex
 * works without it, only its start-up is slower.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as workerThreads from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const BLOB_NAME = 'gradtex.blob';

/**
 * node:worker_threads, loaded on first use instead of when the snapshot is
 * built. Node 20 sets up the main thread's side of workers when the module
 * loads (a counter in a SharedArrayBuffer, which a snapshot cannot hold), so
 * a module loaded at build time starts workers that fail at once ("undefined
 * is not an integer typed array"). The bundle reads the module's exports
 * only where it uses them (`new worker_threads.Worker(…)`), so getters
 * that require the real module then are enough (one per export name, as
 * the bundle's interop copies the names it finds).
 */
const lazyWorkerThreads: Plugin = {
  name: 'lazy-worker-threads',
  setup(b) {
    b.onResolve({ filter: /^(node:)?worker_threads$/ }, (args) => (args.namespace === 'lazy-builtin' ? { path: 'node:worker_threads', external: true } : { path: 'worker_threads', namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: `let real; for (const key of ${JSON.stringify(Object.keys(workerThreads))}) Object.defineProperty(exports, key, { enumerable: true, get: () => (real ??= require('node:worker_threads'))[key] });`,
      loader: 'js',
    }));
  },
};

/** Writes dist/cli/gradtex (the bin) and, when Node can build it, gradtex.blob with its stamp. */
export async function writeSnapshot(root: string, outdir: string): Promise<void> {
  const bin = join(outdir, 'gradtex');
  copyFileSync(join(root, 'src', 'cli', 'gradtex.sh'), bin);
  chmodSync(bin, 0o755);

  const blob = join(outdir, BLOB_NAME);
  const stamp = `${blob}.node`;
  rmSync(blob, { force: true });
  rmSync(stamp, { force: true });
  const work = mkdtempSync(join(tmpdir(), 'gradtex-snapshot-'));
  try {
    const entry = join(work, 'snapshot-entry.cjs');
    const bundleUrl = pathToFileURL(join(realpathSync(outdir), 'gradtex.js')).href;
    await build({
      absWorkingDir: root,
      entryPoints: [join(root, 'src', 'cli', 'snapshot-entry.ts')],
      outfile: entry,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      define: { 'import.meta.url': '__gradtexBundleUrl' },
      banner: { js: `var __gradtexBundleUrl = ${JSON.stringify(bundleUrl)};` },
      // Source text stays in the heap (V8 compiles lazily from it): no white space and comments to load on every run; names are kept.
      minifyWhitespace: true,
      plugins: [lazyWorkerThreads],
      legalComments: 'none',
      logLevel: 'error',
    });
    const partial = join(work, BLOB_NAME);
    // No NODE_OPTIONS: V8 flags given while building must be given on every run, and the bin gives none.
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const r = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', partial, '--build-snapshot', entry], { cwd: work, env, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(`warning: no start-up snapshot (gradtex runs without it, more slowly): ${(r.stderr || String(r.error ?? r.signal)).trim()}\n`);
      return;
    }
    const node = statSync(process.execPath);
    utimesSync(partial, node.atime, node.mtime);
    renameSync(partial, blob);
    symlinkSync(process.execPath, stamp);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
