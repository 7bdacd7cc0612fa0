/**
 * A box to build from step neurons: `0 < x < 1` (an interval, ends open or
 * closed), or a rectangle `0 < x < 1, -1 <= y <= 2` (conditions joined by a
 * comma or `and`), with a height h: the target is h inside and 0 outside.
 */
import type { Rational } from '../expr/rational.js';
import { ratCompare, ratMul } from '../expr/rational.js';
import { int, parseRational, ratText } from '../finite/rational-text.js';
import { ConstructError } from './construct-error.js';

export interface Side {
  readonly line: Rational;
  /** True when the end belongs to the box (≤). */
  readonly closed: boolean;
}

export interface BoxAxis {
  readonly name: string;
  readonly low: Side;
  readonly high: Side;
}

export interface BoxSpec {
  readonly axes: readonly BoxAxis[];
  readonly height: Rational;
}

const LESS = /^(<=|≤|\\le|\\leq|<)$/;

/** '0 < x <= 1' -> { name: 'x', low: 0 open, high: 1 closed } */
function readAxis(text: string): BoxAxis {
  const m = /^\s*(\S+?)\s*(<=|≤|\\leq?|<)\s*([A-Za-z][A-Za-z0-9_]*)\s*(<=|≤|\\leq?|<)\s*(\S+?)\s*$/.exec(text);
  if (m === null || !LESS.test(m[2] as string) || !LESS.test(m[4] as string)) throw new ConstructError(`cannot read the box condition '${text.trim()}': write it as a < x < b (or with <=)`);
  const a = parseRational(m[1] as string);
  const b = parseRational(m[5] as string);
  if (a === undefined || b === undefined) throw new ConstructError(`the ends of '${text.trim()}' must be numbers such as 0, 1/2 or -0.25`);
  if (ratCompare(a, b) >= 0) throw new ConstructError(`the box condition '${text.trim()}' needs its left end below its right end`);
  return { name: m[3] as string, low: { line: a, closed: (m[2] as string) !== '<' }, high: { line: b, closed: (m[4] as string) !== '<' } };
}

export function parseBox(text: string, heightText: string): BoxSpec {
  const axes = text.split(/,|\band\b/).map(readAxis);
  const names = axes.map((a) => a.name);
  if (new Set(names).size !== names.length) throw new ConstructError(`the box names ${names.join(', ')}: each variable once`);
  if (axes.length > 3) throw new ConstructError('construct builds boxes in at most 3 dimensions');
  const height = parseRational(heightText);
  if (height === undefined || height.n === 0n) throw new ConstructError(`the height '${heightText}' must be a nonzero number such as 1, 2 or 1/2`);
  return { axes, height };
}

const inside = (v: Rational, a: BoxAxis): boolean => {
  const lo = ratCompare(v, a.low.line);
  const hi = ratCompare(v, a.high.line);
  return (lo > 0 || (lo === 0 && a.low.closed)) && (hi < 0 || (hi === 0 && a.high.closed));
};

/** The target: h inside the box, 0 outside. */
export const boxTarget =
  (box: BoxSpec) =>
  (p: readonly Rational[]): Rational =>
    box.axes.every((a, i) => inside(p[i] as Rational, a)) ? box.height : ratMul(box.height, int(0));

export const boxText = (box: BoxSpec): string =>
  `${box.axes.map((a) => `${ratText(a.low.line)} ${a.low.closed ? '≤' : '<'} ${a.name} ${a.high.closed ? '≤' : '<'} ${ratText(a.high.line)}`).join(', ')}, height ${ratText(box.height)}`;
