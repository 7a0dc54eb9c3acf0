/**
 * @negiz/journal: the tamper-evident journal of every request. What the gateway, the CLI and the benchmarks use;
 * everything else in src/ is the journal's own business.
 */
export * from './contract.ts';
export { journalConfigFromEnv, witnessesFrom, type JournalConfig, type WitnessConfigEntry } from './config.ts';
export { createJournal, openJournalDatabase, type AccountChangeInput, type JournalActor, type JournalReadInput, type JournalService } from './journal.ts';
export { MemoryJournal } from './memory.ts';
export { journalReportsPlugin, type JournalPrincipal, type ReportsPluginOptions } from './routes.ts';
export { flagRows, type FlagOptions } from './flags.ts';
export { organisationReport, subjectLookup, citizenDisclosure, reportCsv, reportCursor } from './reports.ts';
export type { CitizenDisclosureRow, Flag, FlagCode, ReportFilter, ReportRow } from './types.ts';
export { checkProofDocument, ProofError, type InclusionProofDocument } from './prove.ts';
export type { VerifyReport, Problem, ProblemKind, WitnessStatus } from './verify.ts';
// Receipts and keys for anyone who checks a receipt offline (the console, other systems).
export { verifyReceipt, type ReceiptDocument, type ReceiptVerdict } from './receipt.ts';
export { parseVkey, vkeyOf, type NoteKey } from './note.ts';
export { registerJournalCommands } from './cli.ts';
export * as merkle from './merkle.ts';
// Bulk loading outside the writer (bench/journal/fill.ts): the writer's encoding and the checkpoint signature.
export { encodeEntry, type EncodedEntry } from './encoding.ts';
export { signCheckpoint, type CheckpointPayload } from './checkpoint.ts';
export type { CheckpointKey } from './checkpoint-key.ts';
export type { InsertRow, JournalStore, StoredCheckpoint, StoredGrant } from './store.ts';
