/** `gradtex rules`: the rule reference generated from rules/*.rules (Markdown). */
import type { Command } from 'commander';
import { loadRuleLibrary } from '../../rewrite/load-rules.js';
import { ruleReferenceMarkdown } from '../../rewrite/reference.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { RuleFileError } from '../../rewrite/rule-file.js';

export const rulesCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('rules')
      .description('Print the rule reference (Markdown) generated from the rule files')
      .option('--dir <folder>', 'read rules from this folder instead of the built-in library')
      .action((flags: { dir?: string }) => {
        try {
          const lib = loadRuleLibrary(flags.dir);
          io.stdout(ruleReferenceMarkdown(lib));
          setExit(EXIT.ok);
        } catch (e) {
          if (e instanceof RuleFileError) throw new UserError(e.message);
          throw e;
        }
      });
  },
};
