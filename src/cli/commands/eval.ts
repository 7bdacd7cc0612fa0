/** `gradtex eval EXPR --at x=0.3,y=2`: exact value where the point is exact, and a float. */
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
import { exactDecimals, parsePoint } from '../../derive/point.js';

interface EvalFlags {
  at: string[];
  format: Format;
  input: InputSyntax;
}

export const evalCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('eval')
      .description('Evaluate an expression at a point: exact when the point is exact, plus a decimal value')
      .argument('<expr>', "expression in plain syntax or LaTeX; '-' reads standard input")
      .option('--at <point>', 'values, e.g. x=0.3,y=2 (decimals are exact)', collect, [])
      .option('--format <format>', 'text, latex or json', parseFormat, 'text')
      .option('--input <syntax>', 'auto, plain or latex', 'auto')
      .action(async (exprArg: string, flags: EvalFlags) => {
        const engine = createEngine();
        const text = await readExprArg(exprArg, io);
        // Decimals in the expression are exact, like those of --at (0.5 is 1/2): a key's 6 + max(0, 0) or step(-0.5) folds.
        const e = exactDecimals(parseInput(text, flags.input));
        const point = parsePoint(flags.at);
        const missing = symbolsOf(e).filter((s) => s.name !== 'pi' && !point.values.has(symKey(s)));
        const first = missing[0];
        if (first !== undefined) throw new UserError(`no value for ${missing.map(symKey).join(', ')}: add --at ${symKey(first)}=…`);
        // A point outside the expression's domain (log of a negative number, 1/0) is bad input, not a value.
        checkDefinedAt(e, point.values);
        const evaluated = evaluateAt(engine, e, point.values);
        // A value float64 cannot hold (0.111…^1000 is 1e-954), or whose parts it cannot (a 30,000-digit
        // fraction), is approximated from its logarithm, not printed as 0, Infinity or NaN.
        const lost = !Number.isFinite(evaluated.approx) || evaluated.approx === 0;
        const huge = evaluated.exact ? (approximateBeyondFloatRange(evaluated.value) ?? (lost ? approximateFromLogarithm(evaluated.value) : undefined)) : undefined;
        const v = { ...evaluated, approx: huge ?? evaluated.approx };
        if (flags.format === 'json') {
          io.stdout(JSON.stringify({ input: text, value: toPlain(v.value), latex: toLatex(v.value), exact: v.exact, approx: evaluated.approx, ...(huge !== undefined ? { approxText: huge } : {}), steps: v.derivation.steps.map((s) => ({ rule: s.rule, name: s.title, after: toPlain(s.after) })) }, null, 2) + '\n');
        } else if (flags.format === 'latex') {
          io.stdout(`${toLatex(v.value)}${v.exact ? ` \\approx ${v.approx}` : ''}\n`);
        } else {
          io.stdout(`${toPlain(v.value)}${v.exact && v.value.kind !== 'num' ? `\n≈ ${v.approx}` : v.exact ? '' : ` ≈ ${v.approx}`}\n`);
        }
        setExit(Number.isNaN(evaluated.approx) && huge === undefined ? EXIT.failed : EXIT.ok);
      });
  },
};
