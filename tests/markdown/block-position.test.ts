import { describe, expect, it } from 'vitest';
import { blockPositions } from '../../src/markdown/block-position.js';

describe('blockPositions', () => {
  it('should place content lines after the fence line', () => {
    const source = 'text\n\n```check\nx = 1\ny = 2\n```\n';
    const at = blockPositions(source, 3, 'x = 1\ny = 2');
    expect(at(0)).toEqual({ line: 4, column: 1 });
    expect(at(8)).toEqual({ line: 5, column: 3 });
  });

  it('should count a container prefix (list item, blockquote) in the column', () => {
    const source = '- item\n\n  ```check\n  a = b\n  ```\n> $$\n> c = d\n> $$\n';
    expect(blockPositions(source, 3, 'a = b')(4)).toEqual({ line: 4, column: 7 });
    expect(blockPositions(source, 6, 'c = d')(4)).toEqual({ line: 7, column: 7 });
  });

  it('should read Windows line endings', () => {
    const at = blockPositions('```check\r\nx = 1\r\n```\r\n', 1, 'x = 1');
    expect(at(4)).toEqual({ line: 2, column: 5 });
  });
});
