/** The journal (issue 5): what the gateway and the CLI use. */
export * from './contract.ts';
export { journalConfigFromEnv, type JournalConfig } from './config.ts';
export { createJournal, type JournalActor, type JournalReadInput, type JournalService } from './journal.ts';
export { journalReportsPlugin, type JournalPrincipal, type ReportsPluginOptions } from './routes.ts';
export { createJustificationChallenge, type ChallengeConfig, type ChallengeDecision, type ChallengeRequest } from './challenge.ts';
export { flagRows, type Flag, type FlagCode, type FlagOptions } from './flags.ts';
export { organisationReport, subjectLookup, citizenDisclosure, reportCsv, type ReportRow, type ReportFilter } from './reports.ts';
export { checkProofDocument, type InclusionProofDocument } from './prove.ts';
export type { VerifyReport, Problem } from './verify.ts';
export * as merkle from './merkle.ts';
