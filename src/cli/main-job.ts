/**
 * `npm start`, the main job: every problem-set spec in examples/problem-sets
 * is worked out and written to out/ as LaTeX, PDF (when pdflatex is
 * installed), HTML and Markdown, each answer marked with its verification
 * verdict; every course note in examples/notes goes through the remark
 * plugin to an HTML page; then it says where the files are.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processIo } from './io.js';
import { runCli } from './main.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find the examples/ folder');
}

const io = processIo();
const root = projectRoot();
const specsDir = join(root, 'examples', 'problem-sets');
const out = join(root, 'out');
const specs = readdirSync(specsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => relative(process.cwd(), join(specsDir, f)));
io.stdout(`gradtex: rendering ${specs.length} problem set(s) from examples/problem-sets into ${relative(process.cwd(), out) || '.'}/\n`);
let code = await runCli(['render', ...specs, '-o', relative(process.cwd(), out) || '.'], io);
// Course notes written in Markdown with derive/check blocks, through the remark plugin.
const notesDir = join(root, 'examples', 'notes');
for (const note of readdirSync(notesDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
  const target = join(out, note.replace(/\.md$/, '.html'));
  const c = await runCli(['md', relative(process.cwd(), join(notesDir, note)), '-o', relative(process.cwd(), target)], io);
  code = Math.max(code, c);
}
io.stdout(code === 0 ? `\nDone: open out/*.html in a browser, or out/*.pdf.\n` : `\nFinished with exit code ${code}: see the messages above.\n`);
process.exitCode = code;
