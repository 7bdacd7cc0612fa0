/**
 * Display math the way people write it in Markdown: `$$\begin{aligned}` on
 * the opening fence line and `\end{aligned}$$` on the closing one. remark-math
 * reads content after an opening `$$` as the fence's "meta" (like a code
 * fence's info string) and never sees `…$$` as a closing fence, so the block
 * would swallow the rest of the document. Before parsing, such fences are
 * put on lines of their own by inserting line breaks; `toOriginal` maps an
 * offset in the normalised text back to the user's file, so every report
 * still names the user's line:col.
 *
 *     const n = splitDisplayFences('$$\\begin{aligned}\na &= b\n\\end{aligned}$$\n');
 *     n.text        // '$$\n\\begin{aligned}\na &= b\n\\end{aligned}\n$$\n'
 *     n.toOriginal(3)   // 2: the backslash of \begin in the original
 */
export interface NormalisedSource {
  readonly text: string;
  /** An offset into `text` -> the offset of the same character in the original source. */
  toOriginal(offset: number): number;
}

/** A code fence line (``` or ~~~), inside which nothing is math. */
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** An opening display fence with content after it: `$$\begin{aligned}` (group 1 is the part up to and including `$$`). */
const OPEN_WITH_CONTENT = /^( {0,3}\$\$)(?!\$)(?=[ \t]*\S)(.*)$/;
/** A closing fence after content on the same line: `\end{aligned}$$`. */
const CLOSE_AFTER_CONTENT = /^(.*\S)[ \t]*\$\$\s*$/;
/** A fence alone on its line. */
const BARE_FENCE = /^ {0,3}\$\$\s*$/;

export function splitDisplayFences(source: string): NormalisedSource {
  const lines = source.split('\n');
  /** Original offsets at which a line break was inserted, in increasing order. */
  const inserted: number[] = [];
  const out: string[] = [];
  let offset = 0;
  let inDisplay = false;
  let codeFence: string | undefined;
  for (const line of lines) {
    const code = CODE_FENCE.exec(line);
    if (codeFence !== undefined) {
      if (code !== null && code[1] !== undefined && code[1][0] === codeFence[0] && code[1].length >= codeFence.length) codeFence = undefined;
      out.push(line);
    } else if (code !== null && code[1] !== undefined && !inDisplay) {
      codeFence = code[1];
      out.push(line);
    } else if (!inDisplay && BARE_FENCE.test(line)) {
      inDisplay = true;
      out.push(line);
    } else if (inDisplay && BARE_FENCE.test(line)) {
      inDisplay = false;
      out.push(line);
    } else if (!inDisplay && OPEN_WITH_CONTENT.test(line)) {
      const m = OPEN_WITH_CONTENT.exec(line);
      const fence = m?.[1] ?? '';
      const rest = m?.[2] ?? '';
      if (rest.includes('$$')) {
        // `$$ … $$` on one line: remark-math reads it as display math already.
        out.push(line);
      } else {
        inserted.push(offset + fence.length);
        out.push(`${fence}\n${rest}`);
        inDisplay = true;
      }
    } else if (inDisplay && CLOSE_AFTER_CONTENT.test(line)) {
      const m = CLOSE_AFTER_CONTENT.exec(line);
      const body = m?.[1] ?? '';
      inserted.push(offset + body.length);
      out.push(`${body}\n${line.slice(body.length)}`);
      inDisplay = false;
    } else {
      out.push(line);
    }
    offset += line.length + 1;
  }
  const text = out.join('\n');
  return {
    text,
    toOriginal(at: number): number {
      // Each insertion before `at` in the normalised text shifted it by one.
      let shift = 0;
      for (const o of inserted) {
        if (o + shift < at) shift++;
        else break;
      }
      return at - shift;
    },
  };
}
