import { Command, CommanderError } from 'commander';

type Registrar = (program: Command) => void;

/**
 * Each package contributes its own commands. Only the package that owns the command being run is loaded
 * (`negiz --help` and unknown commands load them all), so every command starts fast.
 */
const PACKAGES: ReadonlyArray<{ commands: readonly string[]; load: () => Promise<Registrar> }> = [
  { commands: ['policy'], load: async () => (await import('./policy.ts')).registerPolicyCommands },
  { commands: ['compose', 'serve-subgraphs', 'services'], load: async () => (await import('@negiz/subgraphs/cli.ts')).registerSubgraphCommands },
  { commands: ['mocks'], load: async () => (await import('@negiz/mocks/cli.ts')).registerMocksCommands },
  { commands: ['journal', 'witness'], load: async () => (await import('@negiz/journal/cli.ts')).registerJournalCommands },
  { commands: ['users'], load: async () => (await import('@negiz/accounts/cli.ts')).registerUsersCommands },
  { commands: ['start', 'token', 'cluster', 'deploy'], load: async () => (await import('@negiz/gateway/cli.ts')).registerGatewayCommands },
  { commands: ['operations'], load: async () => (await import('@negiz/gateway/clients/operations/command.ts')).registerOperationsCommands },
];

/** Assembles the `negiz` command for these arguments. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('negiz').description('Negiz: the basis-checking gateway to the state databases').exitOverride();
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const owner = PACKAGES.find((p) => name !== undefined && p.commands.includes(name));
  for (const pkg of owner ? [owner] : PACKAGES) (await pkg.load())(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
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
