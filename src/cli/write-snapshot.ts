/**
 * Build step, after the bundle (write-bundle.ts calls it): the V8 start-up
 * snapshot the `gradtex` bin starts the quick commands from, and the bin
 * itself.
 *
 * 1. esbuild bundles each entry (snapshot-diff.ts, snapshot-quick.ts, snapshot-check.ts) into one CommonJS file (what
 *    `node --build-snapshot` takes), nerdamer included, with import.meta.url
 *    standing for dist/cli/gradtex.js: the modules find their files (rules,
 *    compiled rules, worker scripts) where the bundle's modules find them;
 *    its text Latin-1 (latin1-source.ts), which V8 holds one byte a character.
 * 2. `node --snapshot-blob BLOB --build-snapshot` runs it and saves the
 *    heap: dist/cli/gradtex-diff.blob (diff), gradtex.blob (simplify, eval,
 *    equal) and gradtex-check.blob (check). Written elsewhere and renamed, so a
 *    failed or interrupted build leaves no blob: the bin then runs the
 *    bundle, as it would anyway.
 * 3. The stamp the bin checks (gradtex.sh): gradtex.blob.node, a link to the
 *    node binary that built the blobs, and their file time set to that
 *    binary's, since Node refuses a blob another version built.
 * 4. dist/cli/gradtex, the bin: src/cli/gradtex.sh.
 *
 * The blob is built here, on the machine that will run it, never committed
 * or downloaded. A failure to build it is a warning, not an error: gradtex
 * works without it, only its start-up is slower.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as workerThreads from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { latin1Source } from './latin1-source.js';

/** The blobs by file name, with their entries: the bin picks one by the command's name (gradtex.sh). */
export const SNAPSHOTS: Readonly<Record<string, string>> = {
  'gradtex-diff.blob': 'src/cli/snapshot-diff.ts',
  'gradtex.blob': 'src/cli/snapshot-quick.ts',
  'gradtex-check.blob': 'src/cli/snapshot-check.ts',
};
/** A link to the node binary that built the blobs: the bin starts from them only with that node. */
export const STAMP_NAME = 'gradtex.blob.node';

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

/** Writes dist/cli/gradtex (the bin) and, when Node can build them, the blobs with their stamp. */
export async function writeSnapshot(root: string, outdir: string): Promise<void> {
  const bin = join(outdir, 'gradtex');
  copyFileSync(join(root, 'src', 'cli', 'gradtex.sh'), bin);
  chmodSync(bin, 0o755);

  const stamp = join(outdir, STAMP_NAME);
  rmSync(stamp, { force: true });
  for (const name of Object.keys(SNAPSHOTS)) rmSync(join(outdir, name), { force: true });
  const work = mkdtempSync(join(tmpdir(), 'gradtex-snapshot-'));
  try {
    const built: string[] = [];
    for (const [name, source] of Object.entries(SNAPSHOTS)) {
      const blob = await buildBlob(root, outdir, work, name, source);
      if (blob === undefined) return;
      built.push(blob);
    }
    for (const [k, name] of Object.keys(SNAPSHOTS).entries()) renameSync(built[k] as string, join(outdir, name));
    symlinkSync(process.execPath, stamp);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One blob from its entry, in `work`, with the node binary's file time; undefined (and a warning) when Node could not build it. */
async function buildBlob(root: string, outdir: string, work: string, name: string, source: string): Promise<string | undefined> {
  const entry = join(work, `${name}.cjs`);
  const bundleUrl = pathToFileURL(join(realpathSync(outdir), 'gradtex.js')).href;
  const bundled = await build({
    absWorkingDir: root,
    entryPoints: [join(root, source)],
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
    write: false,
  });
  // One byte a character in the heap, as the whole source stays there (latin1-source.ts).
  const text = bundled.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild wrote no bundle for ${source}`);
  writeFileSync(entry, latin1Source(text));
  const blob = join(work, name);
  // No NODE_OPTIONS: V8 flags given while building must be given on every run, and the bin gives none.
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const r = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', blob, '--build-snapshot', entry], { cwd: work, env, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`warning: no start-up snapshot (gradtex runs without it, more slowly): ${(r.stderr || String(r.error ?? r.signal)).trim()}\n`);
    return undefined;
  }
  const node = statSync(process.execPath);
  utimesSync(blob, node.atime, node.mtime);
  return blob;
}
