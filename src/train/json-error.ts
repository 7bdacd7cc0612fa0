/**
 * Where JSON text stops being JSON: Node's JSON.parse does not always say
 * (`Unexpected token '}', "…" is not valid JSON`), so a small scanner finds
 * the first offending character and reports it as line:col, for messages
 * about damaged checkpoint headers.
 *
 *     jsonError('{"a": }'); // { offset: 6, line: 1, col: 7, detail: "unexpected '}'" }
 *     jsonError('{"a": 1}'); // undefined
 */

export interface JsonErrorPlace {
  /** UTF-16 index into the text. */
  readonly offset: number;
  /** 1-based line and column (columns count UTF-16 units, like editors). */
  readonly line: number;
  readonly col: number;
  readonly detail: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'unexpected end of the JSON';
  const c = text[i] ?? '';
  return c.charCodeAt(0) < 0x20 ? `unexpected control character U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : `unexpected '${c}'`;
}

function scan(text: string): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (detail?: string): never => {
    throw new Stop(i, detail ?? describe(text, i));
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return;
      }
      if (c.charCodeAt(0) < 0x20) fail();
      if (c === '\\') {
        i++;
        const e = text[i] ?? '';
        if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('bad \\u escape');
            i++;
          }
        } else fail('bad escape');
        continue;
      }
      i++;
    }
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[i] ?? '')) fail();
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`${describe(text, i)}, expected a property name in double quotes`);
        string();
        ws();
        if (text[i] !== ':') fail(`${describe(text, i)}, expected ':'`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`${describe(text, i)}, expected ',' or '}'`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`${describe(text, i)}, expected ',' or ']'`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  value();
  ws();
  if (i < text.length) fail(`${describe(text, i)} after the end of the JSON value`);
}

/** The first place `text` is not JSON, or undefined when it parses. */
export function jsonError(text: string): JsonErrorPlace | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at);
    const line = before.split('\n').length;
    const col = e.at - before.lastIndexOf('\n');
    return { offset: e.at, line, col, detail: e.detail };
  }
}
