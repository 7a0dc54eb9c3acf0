import { Command, CommanderError } from 'commander';
import { registerPolicyCommands } from './policy.ts';
import { registerSubgraphCommands } from '@negiz/subgraphs/cli.ts';
import { registerMocksCommands } from '@negiz/mocks/cli.ts';
import { registerJournalCommands } from '@negiz/gateway/journal/cli.ts';
import { registerGatewayCommands } from '@negiz/gateway/cli.ts';
import { registerOperationsCommands } from '@negiz/gateway/clients/operations/command.ts';

/** Assembles the `negiz` command: each package contributes its own commands. */
export function buildProgram(): Command {
  const program = new Command('negiz')
    .description('Negiz: the basis-checking gateway to the state databases')
    .exitOverride();
  registerPolicyCommands(program);
  registerSubgraphCommands(program);
  registerMocksCommands(program);
  registerJournalCommands(program);
  registerGatewayCommands(program);
  registerOperationsCommands(program);
  // Commands of the other packages register here, one line each.
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`negiz: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('negiz.js') || process.argv[1]?.endsWith('/negiz')) {
  process.exitCode = await main();
}
