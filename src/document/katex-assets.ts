/**
 * KaTeX's stylesheet and fonts, copied once next to the HTML pages so that
 * they work offline and each page stays small: out/katex/katex.min.css and
 * out/katex/fonts/…, linked by a relative path. `render --self-contained`
 * puts them into the page instead (a page that travels alone, at about
 * 400 kB more).
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
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

/**
 * The stylesheet with its fonts inside, as a `data:` address for the page's
 * <link>: every font as WOFF2 only (what every browser that runs KaTeX reads),
 * so that the page needs no other file.
 */
export function selfContainedKatexCss(): string {
  const dist = katexDist();
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[\w]+"\))*/g, (_m, font: string) => {
    const data = readFileSync(join(dist, 'fonts', `${font}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return `data:text/css;base64,${Buffer.from(css, 'utf8').toString('base64')}`;
}
