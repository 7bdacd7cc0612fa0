/** The list of subcommands, in the order `--help` shows them. */
import type { CommandModule } from '../command.js';
import { diffCommand } from './diff.js';
import { evalCommand } from './eval.js';
import { simplifyCommand } from './simplify.js';
import { rulesCommand } from './rules.js';
import { renderCommand } from './render.js';
import { equalCommand } from './equal.js';
import { checkCommand } from './check.js';
import { deriveCommand } from './derive.js';
import { mdCommand } from './md.js';
import { trainCommand } from './train.js';
import { scoreCommand } from './score.js';
import { experimentCommand } from './experiment.js';
import { graphCommand } from './graph.js';
import { constructCommand } from './construct.js';

export const COMMANDS: readonly CommandModule[] = [diffCommand, simplifyCommand, evalCommand, rulesCommand, renderCommand, mdCommand, deriveCommand, equalCommand, checkCommand, graphCommand, constructCommand, trainCommand, scoreCommand, experimentCommand];
