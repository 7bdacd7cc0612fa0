/**
 * `gradtex exhaust CLAIM [--up-to N] [--no-loops] [--format text|json]`: a
 * theorem about small structures checked over every one of them up to a
 * size, with what was checked, the counts and the steps of its proofs (the
 * same report as a spec's `exhaustion:` task). A finite check, and it says
 * so: it proves the statement for those sizes only.
 *
 *     gradtex exhaust dag-topological-order                 # all 66066 directed graphs on ≤ 4 vertices
 *     gradtex exhaust dag-topological-order --up-to 5 --no-loops
 *
 * Exit 0 proved, 1 when a case or a step fails, 2 for a size too large to
 * enumerate in bounded time (one line saying the limit and why).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DagRequestError } from '../../finite/dag-topological-order.js';
import { EXHAUSTION_CLAIM_TEXT, EXHAUSTION_CLAIMS, isExhaustionClaim, runExhaustion } from '../../finite/exhaustion-claims.js';
import { findingToText, type FindingReport } from '../../finite/finding-report.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';

interface ExhaustFlags {
  upTo: number;
  loops: boolean;
  format: 'text' | 'json';
}

/** The default size: every directed graph on ≤ 4 vertices, self-loops included (66066 graphs, about a second). */
const DEFAULT_UP_TO = 4;

function parseUpTo(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of vertices, at least 1');
  return n;
}

function parseTextOrJson(v: string): 'text' | 'json' {
  if (v === 'text' || v === 'json') return v;
  throw new InvalidArgumentError('expected text or json');
}

function run(io: Io, claim: string, flags: ExhaustFlags): number {
  if (!isExhaustionClaim(claim)) throw new UserError(`unknown claim '${claim}'; known: ${EXHAUSTION_CLAIMS.join(', ')}`);
  let report: FindingReport;
  try {
    report = runExhaustion(claim, { upTo: flags.upTo, loops: flags.loops });
  } catch (e) {
    if (e instanceof DagRequestError) throw new UserError(`--up-to ${flags.upTo}${flags.loops ? '' : ' --no-loops'}: ${e.message}`);
    throw e;
  }
  io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : findingToText(report));
  return report.status === 'proved' ? EXIT.ok : EXIT.failed;
}

export const exhaustCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('exhaust')
      .description('Check a theorem about small structures over every one of them up to a size, with the steps of its proofs: a finite check, not a proof for every size')
      .argument('<claim>', EXHAUSTION_CLAIMS.map((c) => `${c}: ${EXHAUSTION_CLAIM_TEXT[c]}`).join('; '))
      .option('--up-to <n>', 'the largest number of vertices', parseUpTo, DEFAULT_UP_TO)
      .option('--no-loops', 'leave out self-loops (each a cycle of length 1); 5 vertices then fit')
      .option('--format <format>', 'text or json', parseTextOrJson, 'text' as const)
      .action((claim: string, flags: ExhaustFlags) => {
        setExit(run(io, claim, flags));
      });
  },
};
