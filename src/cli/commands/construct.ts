/**
 * `gradtex construct`: find a threshold unit for a truth table (or prove
 * none exists, with a certificate, and build a two-layer network), a box
 * from step neurons, check a network you wrote, or show KL(p, q) ≠ KL(q, p)
 * with exact values. Every construction is checked by exhaustion.
 *
 *     gradtex construct --truth 'A and not B'
 *     gradtex construct --truth 'A xor B'
 *     gradtex construct --box '0 < x < 1' --height 2
 *     gradtex construct --truth 'A xor B' --check 'h1 = step(A + B - 1/2); y = step(h1 - 1/2)'
 *     gradtex construct --counterexample 'KL(p,q) = KL(q,p)'
 *     gradtex construct --claim '(1 + y)/2 * (1 - y)/2 = 0' --over 'y in {-1, 1}'
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { ConstructError } from '../../construct/construct-error.js';
import { constructFor } from '../../construct/construct-request.js';
import { constructJson } from '../../construct/construct-json.js';
import { constructLatex } from '../../construct/construct-latex.js';
import type { ConstructReport } from '../../construct/construct-report.js';
import { constructText } from '../../construct/construct-text.js';
import type { StepAtZero } from '../../finite/threshold-network.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { parseFormat, type Format } from '../options.js';

interface ConstructFlags {
  truth?: string;
  table?: string;
  box?: string;
  height: string;
  counterexample?: string;
  claim?: string;
  over?: string;
  p?: string;
  q?: string;
  layers?: 1 | 2;
  check?: string;
  checkFile?: string;
  stepAtZero: StepAtZero;
  /** --step-at-zero was given (not its default). */
  stepAtZeroChosen?: boolean;
  format: Format;
}

function parseStepAtZero(v: string): StepAtZero {
  if (v === '0' || v === '1') return v === '0' ? 0 : 1;
  throw new InvalidArgumentError('expected 0 (step fires when z > 0) or 1 (fires when z ≥ 0)');
}

function parseLayers(v: string): 1 | 2 {
  if (v === '1' || v === '2') return v === '1' ? 1 : 2;
  throw new InvalidArgumentError('expected 1 or 2');
}

function networkText(flags: ConstructFlags): string | undefined {
  if (flags.check !== undefined && flags.checkFile !== undefined) throw new UserError('give --check or --check-file, not both');
  if (flags.checkFile === undefined) return flags.check;
  try {
    return readFileSync(flags.checkFile, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${flags.checkFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** The flags as a request: --check/--check-file become the network to check; messages name the flags. */
function report(flags: ConstructFlags): ConstructReport {
  const network = networkText(flags);
  return constructFor(
    {
      ...(flags.truth === undefined ? {} : { truth: flags.truth }),
      ...(flags.table === undefined ? {} : { table: flags.table }),
      ...(flags.box === undefined ? {} : { box: flags.box, height: flags.height }),
      ...(flags.counterexample === undefined ? {} : { counterexample: flags.counterexample }),
      ...(flags.p === undefined ? {} : { p: flags.p }),
      ...(flags.q === undefined ? {} : { q: flags.q }),
      ...(flags.claim === undefined ? {} : { claim: flags.claim }),
      ...(flags.over === undefined ? {} : { over: flags.over }),
      ...(flags.layers === undefined ? {} : { layers: flags.layers }),
      ...(network === undefined ? {} : { network }),
      stepAtZero: flags.stepAtZero,
      ...(flags.stepAtZeroChosen === true ? { stepAtZeroChosen: true } : {}),
    },
    (k) => `--${k}`,
  );
}

function run(io: Io, flags: ConstructFlags): number {
  let r: ConstructReport;
  try {
    r = report(flags);
  } catch (e) {
    if (e instanceof ConstructError || e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  io.stdout(flags.format === 'json' ? constructJson(r) : flags.format === 'latex' ? constructLatex(r) : constructText(r));
  return r.status === 'proved' ? EXIT.ok : r.status === 'fails' ? EXIT.failed : EXIT.undecided;
}

export const constructCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('construct')
      .description('Find threshold units and step networks for a truth table or a box (or prove none exists), check a network, or find a counterexample; every construction checked by exhaustion')
      .option('--truth <formula>', "a Boolean formula: 'A and not B', 'A xor B', 'not (A or B)'")
      .option('--table <rows>', "a truth table: '00:0,01:0,10:1,11:0' (inputs A, B, …)")
      .option('--layers <n>', '1: one unit only; 2: a two-layer network (default: one unit, else two layers)', parseLayers)
      .option('--box <conditions>', "an interval or rectangle: '0 < x < 1' or '0 < x < 1, 0 <= y <= 2'")
      .option('--height <h>', 'the height of the box', '1')
      .option('--check <network>', "check your network instead: 'h1 = step(A + B - 1/2); y = step(…)' (last line is the output)")
      .option('--check-file <file>', 'check the network written in this file (one definition a line)')
      .option('--counterexample <claim>', "a symmetric-looking claim to refute: 'KL(p,q) = KL(q,p)'")
      .option('--p <probabilities>', "with --counterexample: p, e.g. '1/2, 1/2'")
      .option('--q <probabilities>', "with --counterexample: q, e.g. '1/4, 3/4'")
      .option('--claim <relation>', "a relation to prove by exhaustion over --over: 'y^2 = 1', 'max(0, 1 - y) >= 0'")
      .option('--over <sets>', "the finite set of each variable of --claim: 'y in {-1, 1}', 'A, B in {0, 1}'")
      .option('--step-at-zero <v>', 'the value of step(0): 0 (fires when z > 0) or 1 (fires when z ≥ 0)', parseStepAtZero, 0 as StepAtZero)
      .option('--format <format>', 'text, json or latex (a KaTeX-ready fragment)', parseFormat, 'text')
      .action((flags: ConstructFlags, command: Command) => {
        setExit(run(io, { ...flags, stepAtZeroChosen: command.getOptionValueSource('stepAtZero') === 'cli' }));
      });
  },
};
