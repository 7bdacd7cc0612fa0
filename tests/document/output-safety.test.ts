/**
 * The output checks themselves: each must flag what it exists to flag, or a
 * green suite would prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { htmlSafetyProblems, markdownSafetyProblems, startTags } from './output-safety.js';

describe('htmlSafetyProblems', () => {
  it('should flag javascript: and data: addresses however they are spelled', () => {
    for (const html of [
      '<a href="javascript:alert(1)">a</a>',
      '<a href="JaVaScRiPt:alert(1)">a</a>',
      '<a href="java&#x09;script:alert(1)">a</a>',
      '<a href="&#106;avascript:alert(1)">a</a>',
      "<a href=' javascript:alert(1)'>a</a>",
      '<a href=javascript:alert(1)>a</a>',
      '<a href="data:text/html,x">a</a>',
      '<img src="data:image/png;base64,AAAA">',
      '<form action="javascript:x"></form>',
    ]) {
      expect(htmlSafetyProblems(html), html).not.toEqual([]);
    }
  });

  it('should flag remote images unless they are allowed, and protocol-relative ones too', () => {
    expect(htmlSafetyProblems('<img src="https://evil/x.png">')).not.toEqual([]);
    expect(htmlSafetyProblems('<img src="//evil/x.png">')).not.toEqual([]);
    expect(htmlSafetyProblems('<img src="https://evil/x.png">', { remoteImages: true })).toEqual([]);
    expect(htmlSafetyProblems('<img src="img/x.png" alt="x">')).toEqual([]);
  });

  it('should flag scripts, frames and event handlers but not escaped text about them', () => {
    expect(htmlSafetyProblems('<p><script>alert(1)</script></p>')).not.toEqual([]);
    expect(htmlSafetyProblems('<iframe src="x.html"></iframe>')).not.toEqual([]);
    expect(htmlSafetyProblems('<img src="x.png" onerror="alert(1)">')).not.toEqual([]);
    expect(htmlSafetyProblems('<p>&lt;script&gt; href="javascript:x" <code>&lt;img onerror=x&gt;</code></p>')).toEqual([]);
  });

  it('should allow relative, http, https and mailto links and the page shell it is told about', () => {
    expect(htmlSafetyProblems('<a href="https://a.b/">x</a><a href="mailto:a@b.c">m</a><a href="#x">h</a><a href="../n.html">r</a>')).toEqual([]);
    expect(htmlSafetyProblems('<meta charset="utf-8"><link rel="stylesheet" href="katex/katex.min.css">', { shellTags: ['meta'] })).toEqual([]);
  });

  it('should read attributes past quoted > and skip comments and styles', () => {
    expect(startTags('<a title="a>b" href="x">t</a><!-- <a href="javascript:x"> --><style>a[href="javascript:"]{}</style>').map((t) => t.name)).toEqual(['a', 'style']);
  });
});

describe('markdownSafetyProblems', () => {
  it('should flag raw HTML, links, autolinks and images', () => {
    expect(markdownSafetyProblems('a <script>alert(1)</script>')).not.toEqual([]);
    expect(markdownSafetyProblems('<div>\n\nx\n</div>')).not.toEqual([]);
    expect(markdownSafetyProblems('[a](javascript:alert(1))')).not.toEqual([]);
    expect(markdownSafetyProblems('<https://x.y>')).not.toEqual([]);
    expect(markdownSafetyProblems('![i](x.png)')).not.toEqual([]);
    expect(markdownSafetyProblems('[a][r]\n\n[r]: javascript:x')).not.toEqual([]);
  });

  it('should accept escaped text, code spans and math', () => {
    expect(markdownSafetyProblems('a \\<script\\> `<b>` $x < y$\n\n$$\n<i>\n$$\n')).toEqual([]);
  });
});
