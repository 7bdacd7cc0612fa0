/** jsonError: where JSON text stops being JSON, as line:col (checkpoint headers name the place). */
import { describe, expect, it } from 'vitest';
import { jsonError } from '../../src/train/json-error.js';

describe('jsonError', () => {
  it('should accept what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e-3, true, false, null, "x\\"\\u00e9"]}\n', '0', '"s"', '{"a":{"b":[{}]}}']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(jsonError(text)).toBeUndefined();
    }
  });

  it('should name the first offending character by line and column', () => {
    expect(jsonError('{"a": }')).toEqual({ offset: 6, line: 1, col: 7, detail: "unexpected '}'" });
    expect(jsonError('{"a": 1,\n  "b" 2}')).toEqual({ offset: 15, line: 2, col: 7, detail: "unexpected '2', expected ':'" });
    expect(jsonError('{"a": 1')).toMatchObject({ offset: 7, detail: "unexpected end of the JSON, expected ',' or '}'" });
    expect(jsonError('{a: 1}')).toMatchObject({ col: 2, detail: "unexpected 'a', expected a property name in double quotes" });
    expect(jsonError('[1, 2,]')).toMatchObject({ col: 7, detail: "unexpected ']'" });
    expect(jsonError('{"a": 01}')).toMatchObject({ col: 8, detail: "unexpected '1', expected ',' or '}'" });
    expect(jsonError('{"a": "x\ny"}')).toMatchObject({ line: 1, col: 9, detail: 'unexpected control character U+000A' });
    expect(jsonError('{"a": tru}')).toMatchObject({ col: 10 });
    expect(jsonError('{} x')).toMatchObject({ col: 4, detail: "unexpected 'x' after the end of the JSON value" });
    expect(jsonError('')).toMatchObject({ offset: 0, line: 1, col: 1, detail: 'unexpected end of the JSON' });
  });
});
