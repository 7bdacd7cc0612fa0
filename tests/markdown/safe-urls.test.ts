/**
 * Link and image addresses in `gradtex md` pages (issue 9): an allow-list of
 * protocols (http, https, mailto, relative), remote images shown as links
 * unless asked for, raw HTML never live. The golden pairs are
 * tests/fixtures/markdown/hostile-*.md; these are the rules one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlKind } from '../../src/markdown/rehype-safe-urls.js';
import { renderNote } from '../../src/markdown/render-note.js';
import { htmlSafetyProblems } from '../document/output-safety.js';

describe('urlKind', () => {
  it('should refuse every spelling of a script or data address', () => {
    for (const a of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'java%09script:x', 'javascript://%0aalert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'HTTP://upper.case/']) {
      expect(urlKind(a), JSON.stringify(a)).toBe('refused');
    }
  });

  it('should tell relative addresses from remote ones, protocol-relative included', () => {
    for (const a of ['x.png', 'img/x.png', '../x.png', '/abs/x.png', '#top', '?q=1', 'a/b:c.png']) expect(urlKind(a), a).toBe('relative');
    for (const a of ['https://h/x.png', 'http://h/x', '//h/x.png', '\\\\h/x.png', 'mailto:a@b.c']) expect(urlKind(a), a).toBe('remote');
  });
});

async function html(md: string, allowRemoteImages = false): Promise<{ html: string; reasons: string[] }> {
  const r = await renderNote(md, { path: 'n.md', allowRemoteImages });
  return { html: r.html, reasons: r.messages.map((m) => m.reason) };
}

describe('note pages', () => {
  it('should drop javascript: and data: links in every Markdown form and say so', async () => {
    const md = '[a](javascript:alert(1)) <javascript:alert(2)> [b][r] [c](JaVaScRiPt:x) [d](&#106;avascript:x) [e](<java\tscript:x>) [f](data:text/html,x)\n\n[r]: javascript:alert(3)\n';
    const r = await html(md);
    expect(r.html).not.toMatch(/href/);
    expect(r.html).toContain('<a>a</a>');
    expect(r.reasons.filter((m) => m.startsWith('link address')).length).toBe(7);
    expect(htmlSafetyProblems(r.html)).toEqual([]);
  });

  it('should drop addresses with whitespace or control characters in or before the scheme', async () => {
    const forms = ['[a](<java\u0001script:alert(1)>)', '[a](<\u0001javascript:alert(1)>)', '[a](java&#10;script:alert(1))', '[a](java&#9;script:alert(1))', '[a](&#32;javascript:alert(1))', '[a](javascript&#58;alert(1))', '[a](&#x4A;AVASCRIPT:alert(1))', '[a](<  javascript:alert(1)>)'];
    for (const md of forms) {
      const r = await html(`${md}\n`);
      expect(r.html, md).toBe('<p><a>a</a></p>');
      expect(r.reasons.length, md).toBe(1);
    }
  });

  it('should show remote images as links by default and load them only when allowed', async () => {
    const md = '![plot](https://h.example/p.png) ![rel](//h.example/q.png) ![local](fig/a.png) ![d](data:image/png;base64,AAAA)\n';
    const off = await html(md);
    expect(off.html).toBe('<p><a href="https://h.example/p.png" class="gradtex-remote-image">plot</a> <a href="//h.example/q.png" class="gradtex-remote-image">rel</a> <img src="fig/a.png" alt="local"> d</p>');
    expect(htmlSafetyProblems(off.html)).toEqual([]);
    const on = await html(md, true);
    expect(on.html).toBe('<p><img src="https://h.example/p.png" alt="plot"> <img src="//h.example/q.png" alt="rel"> <img src="fig/a.png" alt="local"> d</p>');
    expect(htmlSafetyProblems(on.html, { remoteImages: true })).toEqual([]);
  });

  it('should never let raw HTML through as HTML', async () => {
    const r = await html('<script>alert(1)</script>\n\nx <img src=x onerror=alert(2)> <iframe src="https://e"></iframe> <b onclick="alert(3)">b</b>\n\n<div onmouseover="alert(4)">d</div>\n');
    expect(r.html).not.toMatch(/<script|<img|<iframe|onclick|onmouseover|onerror/);
    expect(htmlSafetyProblems(r.html)).toEqual([]);
  });

  it('should keep the classes KaTeX and the verdict lines need', async () => {
    const r = await html('$x^2$\n\n```check\nx^2 - 1 = (x - 1)(x + 1)\n```\n');
    expect(r.html).toContain('class="katex"');
    expect(r.html).toContain('<p class="gradtex-check">');
    expect(r.html).not.toContain('katex-error');
  }, 30_000);

  it('should never write a disallowed address or a remote image, for random addresses in every Markdown form', async () => {
    const piece = fc.constantFrom('javascript', 'JaVaScRiPt', 'java', 'script', 'data', 'vbscript', 'http', 'https', 'mailto', 'file', ':', ':', '//', '/', '\\', '\t', ' ', '&#9;', '&#10;', '&#58;', '&#106;', '&#x6A;', '%09', '%3A', '\u0001', '\u0000', 'alert(1)', 'evil.example', 'x.png', '?', '#', '.', '@', 'text/html,', 'base64,');
    const address = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    const form = fc.constantFrom((a: string) => `[l](${a})`, (a: string) => `[l](<${a}>)`, (a: string) => `<${a}>`, (a: string) => `![i](${a})`, (a: string) => `![i](<${a}>)`, (a: string) => `[l][r]\n\n[r]: ${a}`, (a: string) => `![i][r]\n\n[r]: <${a}>`);
    const cases = fc.sample(fc.tuple(address, form), { seed: 909, numRuns: 400 });
    for (const [a, f] of cases) {
      const md = f(a);
      const r = await html(`${md}\n`);
      expect(htmlSafetyProblems(r.html), JSON.stringify(md)).toEqual([]);
    }
  });
});
