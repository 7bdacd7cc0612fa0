/**
 * `gradtex eval EXPR --at x=0.3,y=2`: exact value where the point is exact, and a float.
 * With vectors (`--at 'x=[1,2,3]'`), sums over them, softmax/lse of a vector or
 * `--let 'u = …'`, the data path (src/experiment/data-values.ts) prints the
 * intermediates as a table and a vector value entry by entry.
 */
import type { Command } from 'commander';
import { checkDefinedAt, evaluateAt } from '../../derive/evaluate-at.js';
import { approximateBeyondFloatRange, approximateFromLogarithm } from '../../expr/constant-size.js';
import { symKey } from '../../expr/sym-key.js';
import { symbolsOf } from '../../expr/traverse.js';
import { toLatex, toPlain } from '../../render/index.js';
import { createEngine } from '../../rewrite/engine.js';
import type { CommandModule } from '../command.js';
import { parseInput, readExprArg, type InputSyntax } from '../input.js';
import { EXIT, UserError, type Io } from '../io.js';
import { collect, parseFormat, type Format } from '../options.js';
import { valueInHighPrecision } from '../../numeric/beyond-float-range.js';
import { substitute } from '../../expr/substitute.js';
import { exactDecimals, parsePoint, type Point } from '../../derive/point.js';
import { DataError, evaluateOnData, type DataEvaluation } from '../../experiment/data-values.js';
import type { Engine } from '../../rewrite/engine.js';

interface EvalFlags {
  at: string[];
  let: string[];
  format: Format;
  input: InputSyntax;
}

/** Sums, vector functions, vectors at the point or let-bindings: the data path. */
function needsDataPath(text: string, point: Point, lets: readonly string[]): boolean {
  return lets.length > 0 || point.vectors.size > 0 || /\b(sum|softmax|lse|logsumexp)\s*\(/.test(text);
}

const approxText = (v: { exact: boolean; approx: number }): string => (Number.isFinite(v.approx) ? String(v.approx) : 'not a number');

function runOnData(io: Io, engine: Engine, text: string, point: Point, flags: EvalFlags): number {
  let r: DataEvaluation;
  try {
    r = evaluateOnData(engine, (t, what) => parseInput(t, flags.input, what), text, point, flags.let);
  } catch (e) {
    if (e instanceof DataError) throw new UserError(e.message);
    throw e;
  }
  const values = r.result.kind === 'scalar' ? [r.result.value] : r.result.entries.map((x) => x.value);
  if (flags.format === 'json') {
    const lets = r.lets.map((l) => ({ name: l.name, definition: toPlain(l.definition), value: toPlain(l.value.value), exact: l.value.exact, approx: l.value.approx }));
    const result = r.result.kind === 'scalar'
      ? { value: toPlain(r.result.value.value), latex: toLatex(r.result.value.value), exact: r.result.value.exact, approx: r.result.value.approx }
      : { vector: r.result.label, entries: r.result.entries.map((x) => ({ value: toPlain(x.value.value), latex: toLatex(x.value.value), exact: x.value.exact, approx: x.value.approx })) };
    io.stdout(`${JSON.stringify({ input: text, lets, ...result }, null, 2)}\n`);
  } else if (flags.format === 'latex') {
    for (const l of r.lets) io.stdout(`${l.name} = ${toLatex(l.definition)} = ${toLatex(l.value.value)}\n`);
    if (r.result.kind === 'scalar') io.stdout(`${toLatex(r.result.value.value)}${r.result.value.exact ? ` \\approx ${r.result.value.approx}` : ''}\n`);
    else io.stdout(`\\begin{pmatrix} ${r.result.entries.map((x) => x.value.approx).join(' \\\\ ')} \\end{pmatrix}\n`);
  } else {
    if (r.lets.length > 0) {
      const rows = [['let', 'definition', 'value', '≈'], ...r.lets.map((l) => [l.name, toPlain(l.definition), toPlain(l.value.value), approxText(l.value)])];
      const widths = [0, 1, 2, 3].map((j) => Math.max(...rows.map((row) => [...(row[j] ?? '')].length)));
      for (const row of rows) io.stdout(`${row.map((c, j) => c.padEnd(widths[j] ?? 0)).join('  ').trimEnd()}\n`);
      io.stdout('\n');
    }
    if (r.result.kind === 'scalar') {
      const v = r.result.value;
      io.stdout(`${toPlain(v.value)}${v.exact && v.value.kind !== 'num' ? `\n≈ ${v.approx}` : v.exact ? '' : ` ≈ ${v.approx}`}\n`);
    } else {
      const label = r.result.label;
      io.stdout(`${label} ≈ [${r.result.entries.map((x) => approxText(x.value)).join(', ')}]\n`);
      r.result.entries.forEach((x, j) => io.stdout(`  ${label}_${j + 1} = ${toPlain(x.value.value)}${x.value.exact ? ` ≈ ${approxText(x.value)}` : ''}\n`));
    }
  }
  return values.some((v) => Number.isNaN(v.approx)) ? EXIT.failed : EXIT.ok;
}

export const evalCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('eval')
      .description('Evaluate an expression at a point: exact when the point is exact, plus a decimal value')
      .argument('<expr>', "expression in plain syntax or LaTeX; '-' reads standard input")
      .option('--at <point>', "values, e.g. x=0.3,y=2 (decimals are exact); vectors as 'x=[1, 2, 3]' (entries x_1, x_2, x_3)", collect, [])
      .option('--let <binding>', "an intermediate, e.g. 'u = w*x + b', evaluated in order and printed as a table (repeatable)", collect, [])
      .option('--format <format>', 'text, latex or json', parseFormat, 'text')
      .option('--input <syntax>', 'auto, plain or latex', 'auto')
      .action(async (exprArg: string, flags: EvalFlags) => {
        const engine = createEngine();
        const text = await readExprArg(exprArg, io);
        const point = parsePoint(flags.at);
        if (needsDataPath(text, point, flags.let)) {
          setExit(runOnData(io, engine, text, point, flags));
          return;
        }
        // Decimals in the expression are exact, like those of --at (0.5 is 1/2): a key's 6 + max(0, 0) or step(-0.5) folds.
        const e = exactDecimals(parseInput(text, flags.input));
        const missing = symbolsOf(e).filter((s) => s.name !== 'pi' && !point.values.has(symKey(s)));
        const first = missing[0];
        if (first !== undefined) throw new UserError(`no value for ${missing.map(symKey).join(', ')}: add --at ${symKey(first)}=…`);
        // A point outside the expression's domain (log of a negative number, 1/0) is bad input, not a value.
        checkDefinedAt(e, point.values);
        const evaluated = evaluateAt(engine, e, point.values);
        // A value float64 cannot hold (0.111…^1000 is 1e-954), or whose parts it cannot (a 30,000-digit
        // fraction), is approximated from its logarithm, not printed as 0, Infinity or NaN; where doubles lost the
        // value of the expression as written (e^1000, e^1000/e^999), it is read in high precision, from the expression
        // as written like the double it stands for, so that it still checks the simplification.
        const lost = !Number.isFinite(evaluated.approx) || evaluated.approx === 0;
        const precise = lost ? valueInHighPrecision(substitute(e, point.values)) : undefined;
        const huge = evaluated.exact ? (approximateBeyondFloatRange(evaluated.value) ?? (lost ? (approximateFromLogarithm(evaluated.value) ?? precise) : undefined)) : precise;
        const v = { ...evaluated, approx: huge ?? evaluated.approx };
        if (flags.format === 'json') {
          io.stdout(JSON.stringify({ input: text, value: toPlain(v.value), latex: toLatex(v.value), exact: v.exact, approx: evaluated.approx, ...(huge !== undefined ? { approxText: huge } : {}), steps: v.derivation.steps.map((s) => ({ rule: s.rule, name: s.title, after: toPlain(s.after) })) }, null, 2) + '\n');
        } else if (flags.format === 'latex') {
          io.stdout(`${toLatex(v.value)}${v.exact ? ` \\approx ${v.approx}` : ''}\n`);
        } else {
          io.stdout(`${toPlain(v.value)}${v.exact && v.value.kind !== 'num' ? `\n≈ ${v.approx}` : v.exact ? '' : ` ≈ ${v.approx}`}\n`);
        }
        const unconfirmed = Number.isNaN(evaluated.approx) && huge === undefined;
        // The decimal value checks the simplification; without one (not a real number in doubles nor at 30 digits) the value stands unchecked.
        if (unconfirmed) io.stderr(`gradtex: the value could not be checked in doubles (the expression is not a finite number there before simplifying)\n`);
        setExit(unconfirmed ? EXIT.failed : EXIT.ok);
      });
  },
};
