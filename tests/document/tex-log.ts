/**
 * What a pdflatex log says about the page: lines that run into the margin
 * (`Overfull \hbox (12.3pt too wide) …`) and commands TeX did not know.
 *
 *     overfullBoxes('Overfull \\hbox (12.5pt too wide) detected at line 7')
 *     // [{ points: 12.5, where: 'detected at line 7' }]
 */

export interface OverfullBox {
  readonly points: number;
  /** "in paragraph at lines 20--21", "detected at line 117" (the .tex line). */
  readonly where: string;
}

/** Every overfull horizontal box wider than `tolerance` points (TeX's own \hfuzz is 0.1 pt; a point is invisible in print). */
export function overfullBoxes(log: string, tolerance = 1): OverfullBox[] {
  const out: OverfullBox[] = [];
  for (const m of log.matchAll(/^Overfull \\hbox \(([\d.]+)pt too wide\) (.*)$/gm)) {
    const points = Number(m[1]);
    if (points > tolerance) out.push({ points, where: m[2] ?? '' });
  }
  return out;
}

/** The log lines of undefined control sequences, each with the line TeX stopped at. */
export function undefinedCommands(log: string): string[] {
  const lines = log.split('\n');
  return lines.flatMap((l, i) => (l.includes('Undefined control sequence') ? [`${l} ${lines.slice(i + 1, i + 3).join(' ').trim()}`] : []));
}
