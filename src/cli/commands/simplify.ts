/** `gradtex simplify EXPR [--format text|latex|json]`: simplification with named, verified steps. */
import type { Command } from 'commander';
import { verifyDerivation } from '../../proof/verify.js';
import { describeStop } from '../../proof/stop-reason.js';
import { derivationToLatex, toLatex, toPlain } from '../../render/index.js';
import { createEngine } from '../../rewrite/engine.js';
import { simplify } from '../../simplify/simplify.js';
import type { CommandModule } from '../command.js';
import { parseInput, readExprArg, type InputSyntax } from '../input.js';
import { EXIT, type Io } from '../io.js';
import { parseFormat, parseInteger, parsePositiveInt, type Format } from '../options.js';
import { formatVerification } from '../../derive/verdict-text.js';
import { collectNotes, stepsToJson, verificationToJson } from '../../derive/diff-result.js';
import { noteToPlain } from '../../render/notes.js';
import { groupSteps } from '../../proof/group-steps.js';

interface SimplifyFlags {
  format: Format;
  points?: number;
  seed?: number;
  input: InputSyntax;
}

export const simplifyCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('simplify')
      .description('Simplify with named steps, each verified numerically')
      .argument('<expr>', "expression in plain syntax or LaTeX; '-' reads standard input")
      .option('--format <format>', 'text, latex or json', parseFormat, 'text')
      .option('--points <n>', 'random points per numeric check', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--input <syntax>', 'auto, plain or latex', 'auto')
      .action(async (exprArg: string, flags: SimplifyFlags) => {
        const engine = createEngine();
        const text = await readExprArg(exprArg, io);
        const e = parseInput(text, flags.input);
        const t0 = performance.now();
        const d = simplify(engine, e);
        const ms = performance.now() - t0;
        const report = verifyDerivation(d, e, {
          ...(flags.points !== undefined ? { points: flags.points } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
          detail: 'standard',
        });
        const verification = verificationToJson(report);
        if (flags.format === 'json') {
          const json = {
            input: text,
            result: toPlain(d.result),
            latex: toLatex(d.result),
            steps: stepsToJson(d, report),
            verification,
            ms: Math.round(ms * 1000) / 1000,
            stop: d.stop,
          };
          io.stdout(JSON.stringify(json, null, 2) + '\n');
        } else if (flags.format === 'latex') {
          io.stdout(`${derivationToLatex(d, { env: 'align*' })}\n% check: ${formatVerification(verification)}\n`);
        } else {
          const lines = [text];
          for (const g of groupSteps(d.steps, { detail: 'standard' })) lines.push(`  = ${toPlain(g.after)}    [${g.titles.join('; ')}]`);
          lines.push(`result: ${toPlain(d.result)}`);
          for (const n of collectNotes(d)) lines.push(`note: ${noteToPlain(n)}`);
          if (d.stop !== 'normal-form') lines.push(`stopped: ${describeStop(d.stop)}`);
          lines.push(`check: ${formatVerification(verification)}`);
          io.stdout(lines.join('\n') + '\n');
        }
        setExit(report.verdict === 'fails' ? EXIT.failed : EXIT.ok);
      });
  },
};
