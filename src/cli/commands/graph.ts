/**
 * `gradtex graph 'a = x*y + z; b = a*(x + x); w = a*b + b' --at x=1,y=2,z=3`:
 * the computation graph of an expression, definitions or several outputs,
 * with the node table, forward- and reverse-mode tables, the Jacobian checked
 * against the engine's symbolic derivative, and finite differences.
 */
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parsePoint } from '../../derive/point.js';
import { installKatexAssets } from '../../document/katex-assets.js';
import { GraphError } from '../../graph/build-graph.js';
import { DefinitionError, readDefinitions } from '../../graph/definitions.js';
import { drawGraph } from '../../graph/graph-drawing.js';
import { graphHtml } from '../../graph/graph-html.js';
import { graphJson } from '../../graph/graph-json.js';
import { graphLatex } from '../../graph/graph-latex.js';
import { graphReport } from '../../graph/graph-report.js';
import { graphSvg } from '../../graph/graph-svg.js';
import { graphText } from '../../graph/graph-text.js';
import type { DifferenceScheme } from '../../graph/differentiate-graph.js';
import { readNodeKinds } from '../../graph/node-kinds.js';
import { createEngine } from '../../rewrite/engine.js';
import type { CommandModule } from '../command.js';
import { readExprArg } from '../input.js';
import { EXIT, UserError, type Io } from '../io.js';
import { collect } from '../options.js';

type GraphFormat = 'text' | 'json' | 'latex' | 'html' | 'svg';

interface GraphFlags {
  at: string[];
  ops?: string;
  fdStep: number;
  fd: DifferenceScheme;
  format: GraphFormat;
  out?: string;
}

function parseGraphFormat(v: string): GraphFormat {
  if (v === 'text' || v === 'json' || v === 'latex' || v === 'html' || v === 'svg') return v;
  throw new InvalidArgumentError('expected text, json, latex, html or svg');
}

function parseScheme(v: string): DifferenceScheme {
  if (v === 'forward' || v === 'central') return v;
  throw new InvalidArgumentError('expected forward or central');
}

function parseStep(v: string): number {
  const h = Number(v);
  if (v.trim() === '' || !Number.isFinite(h) || h <= 0) throw new InvalidArgumentError('expected a positive number such as 0.001');
  return h;
}

/** The graph's own errors are mistakes in the input: one line, exit 2. */
function asUserError(e: unknown): never {
  if (e instanceof DefinitionError || e instanceof GraphError || e instanceof RangeError) throw new UserError(e.message);
  throw e;
}

export const graphCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('graph')
      .description('Computation graph of an expression or definitions: node values, forward and reverse mode, Jacobian, finite differences')
      .argument('<input>', "an expression, or definitions 'a = x*y + z; w = a*a' (several outputs for a vector-valued f); '-' reads standard input")
      .option('--at <point>', 'values of the inputs, e.g. w1=2,w2=1 (decimals are exact)', collect, [])
      .option('--ops <kinds>', "the node kinds allowed, e.g. '+,square,ln,*,sin,cos,exp'")
      .option('--fd-step <h>', 'finite-difference step', parseStep, 0.001)
      .option('--fd <scheme>', 'forward or central differences', parseScheme, 'central')
      .option('--format <format>', 'text, json, latex (document with TikZ), html (page with SVG) or svg', parseGraphFormat, 'text')
      .option('-o, --out <file>', 'write to this file (html: KaTeX stylesheet and fonts copied next to it)')
      .action(async (inputArg: string, flags: GraphFlags) => {
        const text = await readExprArg(inputArg, io);
        const engine = createEngine();
        const point = parsePoint(flags.at);
        let report;
        try {
          const defs = readDefinitions(text);
          const allowed = flags.ops === undefined ? undefined : readNodeKinds(flags.ops);
          report = graphReport(engine, defs, point, { step: flags.fdStep, scheme: flags.fd, ...(allowed === undefined ? {} : { allowed }) });
        } catch (e) {
          asUserError(e);
        }
        const drawing = drawGraph(report);
        const katexCss = flags.out !== undefined && flags.format === 'html' ? installKatexAssets(dirname(flags.out)) : 'katex/katex.min.css';
        const output =
          flags.format === 'json'
            ? graphJson(report, drawing.layout)
            : flags.format === 'latex'
              ? graphLatex(report, drawing)
              : flags.format === 'html'
                ? graphHtml(report, drawing, katexCss)
                : flags.format === 'svg'
                  ? graphSvg(drawing)
                  : graphText(report);
        if (flags.out === undefined) io.stdout(output);
        else writeFileSync(flags.out, output);
        setExit(report.status === 'agrees' ? EXIT.ok : report.status === 'differs' ? EXIT.failed : EXIT.undecided);
      });
  },
};
