/**
 * KaTeX's stylesheet and fonts: written once next to the pages (OUT/katex/)
 * and linked by a relative path, so that a page holds only its own text and
 * math; `render --self-contained` puts them inside the page instead.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const root = join(import.meta.dirname, '..', '..');
const spec = join(root, 'tests', 'fixtures', 'documents', 'hostile-math.yaml');

/** The href of the page's KaTeX stylesheet link. */
function stylesheet(html: string): string {
  return /<link rel="stylesheet" href="([^"]*)">/.exec(html)?.[1] ?? '';
}

describe('KaTeX assets', () => {
  it('should write the stylesheet and fonts once to OUT/katex/ and link them relatively', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-katex-'));
    const r = await cli(['render', spec, '-o', dir, '--to', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'katex', 'katex.min.css'))).toBe(true);
    expect(readdirSync(join(dir, 'katex', 'fonts')).filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(10);
    const html = readFileSync(join(dir, 'hostile-math.html'), 'utf8');
    expect(stylesheet(html)).toBe('katex/katex.min.css');
    expect(html).not.toContain('base64');
  });

  it('should put the stylesheet and every font inside the page with --self-contained, and write no katex/ folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-katex-inline-'));
    const linked = mkdtempSync(join(tmpdir(), 'gradtex-katex-linked-'));
    const r = await cli(['render', spec, '-o', dir, '--to', 'html', '--self-contained']);
    expect(r.code, r.stderr).toBe(0);
    await cli(['render', spec, '-o', linked, '--to', 'html']);
    expect(existsSync(join(dir, 'katex'))).toBe(false);
    const href = stylesheet(readFileSync(join(dir, 'hostile-math.html'), 'utf8'));
    expect(href.startsWith('data:text/css;base64,')).toBe(true);
    const css = Buffer.from(href.slice('data:text/css;base64,'.length), 'base64').toString('utf8');
    expect(css).toContain('.katex{');
    expect(css).not.toMatch(/url\(fonts\//);
    expect(css.match(/url\(data:font\/woff2;base64,/g)?.length).toBe(readdirSync(join(linked, 'katex', 'fonts')).filter((f) => f.endsWith('.woff2')).length);
    // The linked page is the smaller by the fonts it leaves out.
    expect(statSync(join(dir, 'hostile-math.html')).size - statSync(join(linked, 'hostile-math.html')).size).toBeGreaterThan(300_000);
  });
});
