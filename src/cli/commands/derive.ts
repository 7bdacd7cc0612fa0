/**
 * `gradtex derive NAME [--format text|latex|json]`, `gradtex derive --list`:
 * the named derivations of rules/derivations/, computed by the rule engine
 * and checked step by step.
 */
import type { Command } from 'commander';
import { computeNamed, parseParameterList, listNamed, loadNamedSpec, namedDerivationNames, namedToJson, namedToLatex, namedToText, NamedSpecError, verifyNamed } from '../../derive/named/index.js';
import { createEngine } from '../../rewrite/engine.js';
import { texFragment } from '../../document/fragment.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { parseDetail, parseFormat, parseInteger, parsePositiveInt, type Format } from '../options.js';
import type { Detail } from '../../proof/group-steps.js';

interface DeriveFlags {
  list?: boolean;
  format: Format;
  points?: number;
  seed?: number;
  param: string[];
  detail: Detail;
  fragment?: boolean;
}

function list(io: Io, format: Format): void {
  const all = listNamed();
  if (format === 'json') io.stdout(JSON.stringify(all, null, 2) + '\n');
  else io.stdout(all.map((d) => `${d.name.padEnd(28)} ${d.title}`).join('\n') + '\n');
}

export const deriveCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('derive')
      .description('Print a named derivation (sigmoid, softmax-jacobian, …) with every step checked; --list shows them all')
      .argument('[name]', 'which derivation, e.g. softmax-jacobian')
      .option('--list', 'list the named derivations')
      .option('--format <format>', 'text, latex or json', parseFormat, 'text')
      .option('--points <n>', 'random points per numeric check', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--detail <level>', 'brief (a textbook\'s few lines), standard (bookkeeping merged into the step that caused it) or full (one rewrite per line); every line shown is checked', parseDetail, 'standard')
      .option('--fragment', 'with --format latex: a piece to \\input in your own document, the packages it needs listed in a comment')
      .option('--param <name=choice>', 'choose a variant, e.g. --param f=tanh --param g=sigma,loss=bce (two-layer-network)', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .action((name: string | undefined, flags: DeriveFlags) => {
        if (flags.list === true) {
          if (name !== undefined) throw new UserError('--list takes no NAME');
          list(io, flags.format);
          setExit(EXIT.ok);
          return;
        }
        if (flags.fragment === true && flags.format !== 'latex') throw new UserError('--fragment goes with --format latex');
        if (name === undefined) throw new UserError('missing NAME: run gradtex derive --list to see the named derivations');
        let spec;
        try {
          let params: Record<string, string>;
          try {
            params = parseParameterList(flags.param);
          } catch (e) {
            throw new UserError((e as Error).message);
          }
          spec = loadNamedSpec(name, undefined, params);
        } catch (e) {
          if (e instanceof NamedSpecError) throw new UserError(e.message);
          throw e;
        }
        if (spec === undefined) throw new UserError(`no derivation called '${name}'; known: ${namedDerivationNames().join(', ')}`);
        let verified;
        const t0 = performance.now();
        try {
          verified = verifyNamed(computeNamed(createEngine(), spec), {
            ...(flags.points !== undefined ? { points: flags.points } : {}),
            ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
            detail: flags.detail,
          });
        } catch (e) {
          if (e instanceof NamedSpecError) throw new UserError(e.message);
          throw e;
        }
        if (flags.format === 'json') io.stdout(JSON.stringify(namedToJson(verified, performance.now() - t0), null, 2) + '\n');
        else if (flags.format === 'latex') io.stdout(flags.fragment === true ? texFragment(namedToLatex(verified, 'align*'), spec.title) : namedToLatex(verified, 'align*'));
        else io.stdout(namedToText(verified));
        const stuck = verified.computed.parts.some((p) => p.derivation.stop !== 'normal-form');
        setExit(verified.verdict === 'fails' || verified.verdict === 'undecided' || stuck ? EXIT.failed : EXIT.ok);
      });
  },
};
