/**
 * KaTeX's stylesheet and fonts, copied next to an HTML page so that it works
 * offline: out/katex/katex.min.css and out/katex/fonts/…
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function katexDist(): string {
  // require.resolve('katex') is …/katex/dist/katex.js.
  return dirname(require.resolve('katex'));
}

/** Copies the assets into `outDir/katex` (once) and returns the stylesheet's path relative to outDir. */
export function installKatexAssets(outDir: string): string {
  const dist = katexDist();
  const target = join(outDir, 'katex');
  if (!existsSync(join(target, 'katex.min.css'))) {
    mkdirSync(target, { recursive: true });
    cpSync(join(dist, 'katex.min.css'), join(target, 'katex.min.css'));
    cpSync(join(dist, 'fonts'), join(target, 'fonts'), { recursive: true });
  }
  return 'katex/katex.min.css';
}
