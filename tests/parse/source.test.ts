import { describe, expect, it } from 'vitest';
import { excerpt, lineCol, ParseError } from '../../src/parse/index.js';
import { editDistance, suggest } from '../../src/parse/suggest.js';

describe('source positions', () => {
  it('should give 1-based line and column', () => {
    expect(lineCol('abc', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('a\nbc', 3)).toEqual({ line: 2, col: 2 });
    expect(lineCol('a\n', 2)).toEqual({ line: 2, col: 1 });
  });

  it('should underline the span on its own line', () => {
    expect(excerpt('x\nfoo(y)', { start: 2, end: 5 })).toBe('foo(y)\n^^^');
  });

  it('should cut long lines around the span', () => {
    const text = `${'a+'.repeat(100)}?${'+b'.repeat(100)}`;
    const [shown, caret] = excerpt(text, { start: 200, end: 201 }).split('\n') as [string, string];
    expect(shown.length).toBeLessThan(70);
    expect(shown[caret.indexOf('^')]).toBe('?');
  });

  it('should format an error as one line, the excerpt and a caret', () => {
    const e = new ParseError('E_PARSE_UNCLOSED', "expected ')'", { start: 4, end: 5 }, '(x+1');
    expect(e.oneLine()).toBe("1:5: expected ')'");
    expect(e.format('(x+1')).toBe("1:5: expected ')'\n(x+1\n    ^");
  });
});

describe('suggestions', () => {
  it('should measure edits case-insensitively', () => {
    expect(editDistance('sigmoud', 'sigmoid')).toBe(1);
    expect(editDistance('ReLU', 'relu')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('should suggest only close names, closest first', () => {
    expect(suggest('sigmoud', ['exp', 'sigmoid', 'sigma'])).toEqual(['sigmoid', 'sigma']);
    expect(suggest('foo', ['exp', 'log', 'cos'])).toEqual([]);
  });
});
