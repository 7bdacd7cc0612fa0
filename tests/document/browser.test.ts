/**
 * The HTML page opened in headless Chromium (Debian's chromium driven by
 * playwright-core): KaTeX rendered every formula (no error nodes), the page
 * logs no console errors, no script runs from user text; the page body is
 * never wider than the window, at a laptop's and a phone's width (a long
 * formula scrolls in its own box); screenshots are kept as artifacts.
 */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { artifactsDir, CHROMIUM, existsSync, requireOrSkip } from './tools.js';

const root = join(import.meta.dirname, '..', '..');
const notes = ['hostile-links.md', 'hostile-images.md', 'hostile-html.md'].map((f) => join(root, 'tests', 'fixtures', 'markdown', f));
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const specs = [
  ...readdirSync(join(root, 'examples', 'problem-sets')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'examples', 'problem-sets', f)),
  join(root, 'tests', 'fixtures', 'documents', 'injection.yaml'),
  join(root, 'tests', 'fixtures', 'documents', 'hostile-math.yaml'),
];

/** Widths a page is read at: a laptop and a phone (a long formula scrolls in its own box, never the page). */
const WIDTHS = [1024, 420];

/** The page body is never wider than the window, at each width; a screenshot of the narrow one is kept. */
async function expectNoHorizontalOverflow(page: Page, stem: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Run in the page (as source text: the tests are compiled without the DOM's types).
    const { scroll, client, wide } = await page.evaluate<{ scroll: number; client: number; wide: string[] }>(`(() => {
      const root = document.documentElement;
      const over = (e) => e !== null && e.getBoundingClientRect().right > root.clientWidth + 1;
      // The outermost elements that stick out, to name in the failure.
      const wide = [...document.querySelectorAll('body *')].filter((e) => over(e) && !over(e.parentElement)).slice(0, 3).map((e) => '<' + e.tagName.toLowerCase() + ' class="' + e.className + '">');
      return { scroll: root.scrollWidth, client: root.clientWidth, wide };
    })()`);
    expect(scroll, `${stem} at ${width} px is ${scroll} px wide: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
  }
  await page.screenshot({ path: join(artifactsDir(), `${stem}-${WIDTHS[WIDTHS.length - 1] ?? 0}px.png`), fullPage: false });
}

describe('HTML in a browser', () => {
  it('should show every page without KaTeX errors, console errors, injected scripts or horizontal overflow', { timeout: 600_000 }, async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: LAUNCH_ARGS,
    });
    try {
      for (const spec of specs) {
        const dir = mkdtempSync(join(tmpdir(), 'gradtex-html-'));
        const r = await cli(['render', spec, '-o', dir, '--to', 'html']);
        expect(r.code, r.stderr).toBe(0);
        const stem = spec.split('/').pop()?.replace(/\.yaml$/, '') ?? '';
        const page = await browser.newPage();
        const errors: string[] = [];
        let dialogs = 0;
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        await page.goto(`file://${join(dir, `${stem}.html`)}`);
        await page.waitForLoadState('load');
        expect(await page.locator('.katex-error').count(), stem).toBe(0);
        expect(await page.locator('.katex').count(), stem).toBeGreaterThan(0);
        expect(await page.locator('script').count(), stem).toBe(0);
        expect(errors, stem).toEqual([]);
        expect(dialogs, stem).toBe(0);
        await page.screenshot({ path: join(artifactsDir(), `${stem}.png`), fullPage: false });
        await expectNoHorizontalOverflow(page, stem);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('should show the example course notes (gradtex md) without horizontal overflow', { timeout: 300_000 }, async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'gradtex-notes-'));
      for (const note of readdirSync(join(root, 'examples', 'notes')).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
        const stem = note.replace(/\.md$/, '');
        const r = await cli(['md', join(root, 'examples', 'notes', note), '-o', join(dir, `${stem}.html`)]);
        expect(r.code, r.stderr).toBe(0);
        const page = await browser.newPage();
        await page.goto(`file://${join(dir, `${stem}.html`)}`);
        await page.waitForLoadState('load');
        await expectNoHorizontalOverflow(page, stem);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('should open hostile notes (gradtex md) offline: nothing loaded from the network, no script run, every link address allowed', async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      for (const note of notes) {
        const dir = mkdtempSync(join(tmpdir(), 'gradtex-note-'));
        const stem = note.split('/').pop()?.replace(/\.md$/, '') ?? '';
        copyFileSync(note, join(dir, `${stem}.md`));
        const r = await cli(['md', join(dir, `${stem}.md`), '-o', join(dir, `${stem}.html`)]);
        expect(r.code, r.stderr).toBe(0);
        const page = await browser.newPage();
        const requests: string[] = [];
        let dialogs = 0;
        page.on('request', (req) => requests.push(req.url()));
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        await page.goto(`file://${join(dir, `${stem}.html`)}`);
        await page.waitForLoadState('load');
        // Local files only (the page, its stylesheet and fonts, relative images).
        expect(requests.filter((u) => !u.startsWith('file://')), stem).toEqual([]);
        expect(await page.locator('script, iframe, object, embed').count(), stem).toBe(0);
        const addresses = await page.locator('[href], [src]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
        const protocols = addresses.map((a) => new URL(a, page.url()).protocol);
        expect(protocols.filter((p) => !['http:', 'https:', 'mailto:', 'file:'].includes(p)), stem).toEqual([]);
        expect(dialogs, stem).toBe(0);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
