/**
 * `gradtex rules`: the rule reference generated from rules/*.rules and
 * rules/matrix-calculus.identities and rules/backprop.identities (Markdown).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadReferenceIdentities } from '../../matrix-check/identities.js';
import type { MatrixIdentity } from '../../matrix/matrix-identity.js';
import { FileError } from '../../parse/file-error.js';
import { loadRuleLibrary } from '../../rewrite/load-rules.js';
import { ruleReferenceMarkdown } from '../../rewrite/reference.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';

/** The identities of the built-in library (matrix calculus, then backprop), or of `dir`'s files of identities, if it has any. */
function identitiesFor(dir: string | undefined): MatrixIdentity[] {
  if (dir === undefined) return loadReferenceIdentities();
  return loadReferenceIdentities(dir, (f) => join(dir, f));
}

export const rulesCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('rules')
      .description('Print the rule reference (Markdown) generated from the rule files and the matrix-calculus identities')
      .option('--dir <folder>', 'read rules (and matrix-calculus.identities, backprop.identities, if there) from this folder instead of the built-in library')
      .action((flags: { dir?: string }) => {
        try {
          const lib = loadRuleLibrary(flags.dir);
          io.stdout(ruleReferenceMarkdown(lib, identitiesFor(flags.dir)));
          setExit(EXIT.ok);
        } catch (e) {
          if (e instanceof FileError) throw new UserError(e.message);
          throw e;
        }
      });
  },
};
