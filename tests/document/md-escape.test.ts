/**
 * Markdown output cannot be left by user text: escaped text reads back as
 * the same text, a code span holds any content whole, inline math that
 * could end early is refused. Checked by parsing with remark (what a reader
 * uses), on hostile examples and on random strings (fast-check, fixed seed).
 */
import fc from 'fast-check';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { codeSpan, displayMathMd, escapeBlockStart, escapeMarkdownText, inlineMathMd } from '../../src/document/md-escape.js';
import { markdownSafetyProblems } from './output-safety.js';

const SEED = 20260904;

interface Node {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly Node[];
}

function parse(md: string): Node {
  return unified().use(remarkParse).use(remarkMath).parse(md) as Node;
}

/** The children of the single paragraph md parses to (fails the test otherwise). */
function paragraph(md: string): readonly Node[] {
  const root = parse(md);
  expect(root.children?.map((c) => c.type), md).toEqual(['paragraph']);
  return root.children?.[0]?.children ?? [];
}

/** Characters that mean something to Markdown or HTML, plus line breaks and a few letters. */
const HOSTILE = fc.string({ unit: fc.constantFrom('`', '$', '<', '>', '-', '!', '[', ']', '(', ')', '*', '_', '#', '&', ';', '\\', '|', '~', '=', '+', '.', '1', '\n', ' ', 'a', 'x', '/', ':', '"', "'", '{', '}', 'é'), maxLength: 40 });

describe('escapeMarkdownText', () => {
  it('should read back as the same text, on one line, and nothing else', () => {
    fc.assert(
      fc.property(HOSTILE, (s) => {
        const md = escapeBlockStart(escapeMarkdownText(`a${s}z`));
        const kids = paragraph(md);
        expect(kids.map((k) => k.type), md).toEqual(['text']);
        expect(kids[0]?.value, md).toBe(`a${s}z`.replace(/\s*\n\s*/g, ' '));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should keep a block of text from opening a list, heading or code block', () => {
    for (const s of ['- a', '+ a', '* a', '1. a', '2) a', '# a', '> a', '    a', '=== a', '--- a', '<!-- a -->', '<script>x</script>', '```', '~~~']) {
      const kids = paragraph(escapeBlockStart(escapeMarkdownText(s)));
      expect(kids.map((k) => k.type), s).toEqual(['text']);
      expect(kids[0]?.value, s).toBe(s.trim());
    }
  });
});

describe('codeSpan', () => {
  it('should hold any text whole, in one code span', () => {
    fc.assert(
      fc.property(HOSTILE, (s) => {
        const md = `see ${codeSpan(s)} end`;
        const kids = paragraph(md);
        const code = kids.filter((k) => k.type === 'inlineCode');
        expect(code.length, md).toBe(1);
        expect(kids.map((k) => k.type), md).toEqual(['text', 'inlineCode', 'text']);
        // CommonMark strips one space each side when both ends have one (our padding), and turns line breaks into spaces.
        const flat = s.replace(/\s*\n\s*/g, ' ');
        const value = code[0]?.value ?? '';
        expect(value === flat || ` ${value} ` === flat || (flat === '' && value === ' '), `${md} → ${JSON.stringify(value)}`).toBe(true);
        expect(markdownSafetyProblems(md)).toEqual([]);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should not let a blank line, backticks or --> end the span (issue 9)', () => {
    const s = '$x }\n\n<script>alert(1)</script> ``` $';
    expect(codeSpan(s)).toBe('````$x } <script>alert(1)</script> ``` $````');
    expect(markdownSafetyProblems(`Let ${codeSpan(s)} and ${codeSpan('-->')} ${codeSpan('`')} ${codeSpan('')}`)).toEqual([]);
  });
});

describe('inlineMathMd and displayMathMd', () => {
  it('should refuse inline math that could end early or leave its line', () => {
    expect(inlineMathMd('x^{2}')).toBe('$x^{2}$');
    expect(inlineMathMd('x$ <script>')).toBeUndefined();
    expect(inlineMathMd('x`')).toBeUndefined();
    expect(inlineMathMd('x\n\ny')).toBeUndefined();
    expect(inlineMathMd(' ')).toBeUndefined();
  });

  it('should keep a display block whole whatever its lines hold', () => {
    const md = displayMathMd('a \\\\\n$$\n\n<script>alert(1)</script>\n  $$ b');
    const root = parse(`${md}\n\nafter`);
    expect(root.children?.map((c) => c.type)).toEqual(['math', 'paragraph']);
    expect(markdownSafetyProblems(md)).toEqual([]);
  });
});
