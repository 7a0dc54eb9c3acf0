/**
 * `negiz journal ...`: the operator's tools. They connect like the gateway (NEGIZ_JOURNAL_URL, else the embedded
 * store under .negiz/) and journal their own reads. With the embedded store, stop the gateway first: PGlite
 * admits one process at a time.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { JournalActor, JournalService } from './journal.ts';

/** Loaded when a journal command runs, so that `negiz` starts fast for every other command. */
const load = async () => {
  const [config, journal, migrations, reports, flags] = await Promise.all([
    import('./config.ts'),
    import('./journal.ts'),
    import('./migrate.ts'),
    import('./reports.ts'),
    import('./flags.ts'),
  ]);
  return { ...config, ...journal, ...migrations, ...reports, ...flags };
};

const entryId = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('an entry id is a non-negative integer (the receipt id)');
  return Number(value);
};
const identifier = (value: string): string => {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError('an IIN/BIN has 12 digits');
  return value;
};
const instant = (value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('expected an ISO date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z');
  return date;
};

function actorOf(options: { actor?: string; actorOrganisation?: string }): JournalActor {
  return {
    login: options.actor ?? process.env.NEGIZ_ACTOR ?? userInfo().username,
    role: 0,
    organisation: options.actorOrganisation ?? process.env.NEGIZ_ACTOR_ORGANISATION ?? 'OPERATOR',
  };
}

async function withJournal<T>(fn: (journal: JournalService) => Promise<T>): Promise<T> {
  const { createJournal, journalConfigFromEnv } = await load();
  const journal = await createJournal(journalConfigFromEnv());
  try {
    return await fn(journal);
  } finally {
    await journal.close();
  }
}

const print = (json: boolean, value: unknown, text: () => string): void => {
  console.log(json ? JSON.stringify(value, null, 2) : text());
};

const actorOptions = (command: Command): Command =>
  command
    .addOption(new Option('--actor <login>', 'who runs this (journaled); default $NEGIZ_ACTOR or the OS user'))
    .addOption(new Option('--actor-organisation <org>', 'the actor organisation; default $NEGIZ_ACTOR_ORGANISATION or OPERATOR'));

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerJournalCommands(program: Command): void {
  registerWitnessCommands(program);
  const journal = program.command('journal').description('the tamper-evident journal of every request');

  journal
    .command('migrate')
    .description('apply pending journal migrations (run as the owner role)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { openJournalDatabase, journalConfigFromEnv, pendingMigrations, migrate } = await load();
      const db = await openJournalDatabase(journalConfigFromEnv());
      try {
        const pending = await pendingMigrations(db);
        const applied = await migrate(db);
        print(!!o.json, { pending, applied }, () => (applied.length ? `applied ${applied.join(', ')}` : 'journal schema up to date'));
      } finally {
        await db.close();
      }
    });

  actorOptions(
    journal
      .command('prove')
      .description('print the inclusion proof of an entry against the latest signed checkpoint')
      .argument('<entry-id>', 'the entry id (receipt id)', entryId)
      .option('--json', 'print JSON'),
  ).action(async (id: number, o: { json?: boolean; actor?: string; actorOrganisation?: string }) => {
    await withJournal(async (j) => {
      const proof = await j.prove(id);
      await j.recordRead({ actor: actorOf(o), client: { kind: 'CLI', id: 'negiz journal prove' }, name: 'journal.prove', parameters: { id }, rows: 1 });
      print(!!o.json, proof, () =>
        [
          `entry ${proof.entryId} leaf ${proof.leafHash}`,
          `checkpoint ${proof.checkpoint.id}: size ${proof.treeSize} root ${proof.rootHash} (signed ${proof.checkpoint.signedAt})`,
          `audit path (${proof.auditPath.length}):`,
          ...proof.auditPath.map((h) => `  ${h}`),
          proof.verified ? 'verified: yes' : 'verified: NO',
        ].join('\n'),
      );
      if (!proof.verified) process.exitCode = 2;
    });
  });

  journal
    .command('verify')
    .description('recompute every leaf and the tree, check all checkpoints; name the first tampered entry')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withJournal(async (j) => {
        const report = await j.verify();
        const witnesses = report.witnesses.map(
          (w) =>
            `  witness ${w.witness}: cosigned up to size ${w.cosignedSize}${w.cosignedAt ? ` (${w.cosignedAt})` : ''}, ${w.pending} queued, ${w.refused} refused`,
        );
        print(!!o.json, report, () =>
          [
            report.ok
              ? `journal verified: ${report.entries} entries, ${report.checkpoints} checkpoints, root ${report.root}, ${report.destroyedPersonal} personal parts lawfully destroyed, ${report.uncheckpointed} not yet checkpointed (${report.elapsedMs} ms)`
              : [`journal NOT verified: ${report.firstProblem?.message}`, ...report.problems.slice(1, 10).map((p) => `  also: ${p.message}`)].join('\n'),
            ...witnesses,
          ].join('\n'),
        );
        if (!report.ok) process.exitCode = 2;
      });
    });

  actorOptions(
    journal
      .command('destroy')
      .description("destroy the personal data of a case's entries (p.48); the destruction itself is journaled")
      .requiredOption('--case <number>', 'the case number whose materials were destroyed')
      .option('--json', 'print JSON'),
  ).action(async (o: { case: string; json?: boolean; actor?: string; actorOrganisation?: string }) => {
    if (!o.case.trim()) throw new InvalidArgumentError('--case must not be empty');
    await withJournal(async (j) => {
      const result = await j.destroyCase(o.case.trim(), actorOf(o));
      print(!!o.json, result, () => `destroyed the personal part of ${result.destroyed} entries; recorded as entry ${result.receipt.id}`);
    });
  });

  actorOptions(
    journal
      .command('retention')
      .description('destroy the personal parts of entries whose case is unknown, older than the retention period (journaled)')
      .option('--days <n>', 'the period; default NEGIZ_JOURNAL_RETENTION_UNKNOWN_CASE_DAYS', (v) => Number(v))
      .option('--json', 'print JSON'),
  ).action(async (o: { days?: number; json?: boolean; actor?: string; actorOrganisation?: string }) => {
    await withJournal(async (j) => {
      const result = await j.destroyUnknownCases(actorOf(o), o.days);
      print(
        !!o.json,
        result,
        () => `destroyed the personal part of ${result.destroyed} entries received before ${result.before}; recorded as entry ${result.receipt.id}`,
      );
    });
  });

  actorOptions(
    journal
      .command('report')
      .description("an organisation's requests over a period, with flags (p.10)")
      .requiredOption('--organisation <org>', 'the organisation')
      .option('--from <date>', 'start (inclusive), default 31 days ago', instant)
      .option('--to <date>', 'end (exclusive), default now', instant)
      .option('--user <login>', 'only this user')
      .option('--basis <type>', 'only this basis type (CRIMINAL, CIVIL, ...)')
      .option('--basis-number <number>', 'only this case number')
      .option('--service <slug>', 'only requests that called this service')
      .option('--outcome <outcome>', 'RELEASED, PARTIAL, REFUSED or FAILED')
      .option('--limit <n>', 'at most n rows (default 1000)', (v) => Number(v))
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json')),
  ).action(
    async (o: {
      organisation: string;
      from?: Date;
      to?: Date;
      user?: string;
      basis?: string;
      basisNumber?: string;
      service?: string;
      outcome?: string;
      limit?: number;
      format: string;
      actor?: string;
      actorOrganisation?: string;
    }) => {
      const { flagRows, organisationReport, reportCsv } = await load();
      await withJournal(async (j) => {
        const to = o.to ?? new Date();
        const from = o.from ?? new Date(to.getTime() - 31 * 24 * 3600_000);
        const rows = await flagRows(
          await organisationReport(j.store, {
            organisation: o.organisation,
            from,
            to,
            login: o.user,
            basisType: o.basis,
            basisNumber: o.basisNumber,
            service: o.service,
            outcome: o.outcome,
            limit: o.limit,
          }),
        );
        await j.recordRead({
          actor: actorOf(o),
          client: { kind: 'CLI', id: 'negiz journal report' },
          name: 'journal.report',
          parameters: o,
          rows: rows.length,
        });
        console.log(o.format === 'csv' ? reportCsv(rows).trimEnd() : JSON.stringify(rows, null, 2));
      });
    },
  );

  actorOptions(
    journal
      .command('subject')
      .description('who looked at this person or company, when, on what basis (internal security)')
      .option('--iin <iin>', 'the person', identifier)
      .option('--bin <bin>', 'the legal entity', identifier)
      .option('--citizen', "the citizen's disclosure view: dates, bodies and basis types only")
      .option('--json', 'print JSON'),
  ).action(async (o: { iin?: string; bin?: string; citizen?: boolean; json?: boolean; actor?: string; actorOrganisation?: string }) => {
    if (!o.iin === !o.bin) throw new InvalidArgumentError('give exactly one of --iin or --bin');
    const subject = o.iin ? { kind: 'IIN' as const, value: o.iin } : { kind: 'BIN' as const, value: o.bin! };
    const { citizenDisclosure, subjectLookup } = await load();
    await withJournal(async (j) => {
      const rows = o.citizen && o.iin ? await citizenDisclosure(j.store, o.iin) : await subjectLookup(j.store, subject);
      await j.recordRead({
        actor: actorOf(o),
        client: { kind: 'CLI', id: 'negiz journal subject' },
        name: 'journal.subject',
        parameters: { subject: subject.kind },
        subjects: [subject],
        rows: rows.length,
      });
      print(!!o.json, rows, () =>
        rows.length === 0
          ? 'no entry concerns this subject'
          : rows
              .map((r) =>
                'login' in r
                  ? `${r.localTime} ${r.organisation} ${r.login ?? '(destroyed)'} ${r.basisType ?? '-'} ${r.basisNumber ?? ''} ${r.outcome}`
                  : `${r.date} ${r.requestingBody} ${r.basisType ?? '-'}`,
              )
              .join('\n'),
      );
    });
  });

  actorOptions(
    journal
      .command('grant')
      .description('register a REPORTS or INTERNAL_SECURITY grant given on a reasoned letter (p.10)')
      .requiredOption('--login <login>', 'the supervisor or internal-security officer')
      .requiredOption('--organisation <org>', 'their organisation')
      .addOption(new Option('--kind <kind>', 'the grant').choices(['REPORTS', 'INTERNAL_SECURITY']).makeOptionMandatory())
      .requiredOption('--letter <reference>', "the letter's reference (number and date)")
      .option('--json', 'print JSON'),
  ).action(
    async (o: {
      login: string;
      organisation: string;
      kind: 'REPORTS' | 'INTERNAL_SECURITY';
      letter: string;
      json?: boolean;
      actor?: string;
      actorOrganisation?: string;
    }) => {
      await withJournal(async (j) => {
        const id = await j.grant({ login: o.login, organisation: o.organisation, kind: o.kind, letterReference: o.letter, grantedBy: actorOf(o).login });
        print(!!o.json, { id }, () => `grant ${id} registered`);
      });
    },
  );

  journal
    .command('consistency')
    .description('RFC 9162 consistency proof between two tree sizes (what a witness checks between checkpoints)')
    .argument('<old-size>', 'the tree size of the older checkpoint', entryId)
    .argument('<new-size>', 'the tree size of the newer checkpoint', entryId)
    .action(async (oldSize: number, newSize: number) => {
      await withJournal(async (j) => console.log(JSON.stringify(await j.consistency(oldSize, newSize), null, 2)));
    });

  journal
    .command('key')
    .description('print the checkpoint key: its public JWK, or with --note the verifier key witnesses are configured with')
    .option('--note', 'the signed-note verifier key (<origin>+<key id>+<base64>)')
    .action(async (o: { note?: boolean }) => {
      const { vkeyOf } = await import('./note.ts');
      await withJournal(async (j) => console.log(o.note ? vkeyOf(j.noteKey) : JSON.stringify(j.key.publicJwk)));
    });

  actorOptions(
    journal
      .command('receipt')
      .description('a self-contained receipt of an entry: leaf, inclusion proof, witnessed checkpoint (check it with verify-receipt)')
      .argument('<entry-id>', 'the entry id (receipt id)', entryId),
  ).action(async (id: number, o: { actor?: string; actorOrganisation?: string }) => {
    await withJournal(async (j) => {
      const receipt = await j.receipt(id);
      await j.recordRead({ actor: actorOf(o), client: { kind: 'CLI', id: 'negiz journal receipt' }, name: 'journal.receipt', parameters: { id }, rows: 1 });
      console.log(JSON.stringify(receipt, null, 2));
    });
  });

  journal
    .command('verify-receipt')
    .description('check a receipt offline with public keys only (exit 2 if it does not verify)')
    .argument('<file>', 'the receipt (JSON), or - for standard input')
    .requiredOption('--log-key <vkey>', "the log's verifier key (negiz journal key --note)")
    .option('--witness-key <vkey>', "a witness's verifier key (repeatable; by default every one given must have cosigned)", collect, [])
    .option('--quorum <n>', 'how many of the given witnesses must have cosigned', (v) => Number(v))
    .option('--json', 'print JSON')
    .action(async (file: string, o: { logKey: string; witnessKey: string[]; quorum?: number; json?: boolean }) => {
      const [{ parseVkey }, { verifyReceipt }] = await Promise.all([import('./note.ts'), import('./receipt.ts')]);
      const doc = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as import('./receipt.ts').ReceiptDocument;
      const verdict = verifyReceipt(doc, { logKey: parseVkey(o.logKey), witnessKeys: o.witnessKey.map(parseVkey), quorum: o.quorum });
      print(!!o.json, verdict, () =>
        verdict.ok
          ? `receipt verified: entry ${verdict.entryId} is in the log of ${verdict.treeSize} entries cosigned by ${verdict.cosignedBy.join(', ')}`
          : ['receipt NOT verified:', ...verdict.problems.map((p) => `  ${p}`)].join('\n'),
      );
      if (!verdict.ok) process.exitCode = 2;
    });

  journal
    .command('checkpoint')
    .description('sign a checkpoint now and print the latest one')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withJournal(async (j) => {
        await j.checkpoint();
        const cp = await j.store.latestCheckpoint();
        const view = cp ? { id: cp.id, treeSize: cp.treeSize, rootHash: cp.rootHash.toString('hex'), signedAt: cp.signedAt.toISOString(), jws: cp.jws } : null;
        print(!!o.json, view, () =>
          view ? `checkpoint ${view.id}: size ${view.treeSize} root ${view.rootHash}\n${view.jws}` : 'no checkpoint: the journal is empty',
        );
      });
    });
}

/** `negiz witness ...`: the witness's own process (it shares nothing with the journal but this code). */
function registerWitnessCommands(program: Command): void {
  const witness = program.command('witness').description('a C2SP tlog-witness for the journal (its own key, storage and process)');
  const keyOption = new Option('--key <file>', 'its private key (JWK file, created on first use)').env('NEGIZ_WITNESS_KEY').default('.negiz/witness-key.json');
  const nameOption = new Option('--name <name>', 'its key name').env('NEGIZ_WITNESS_NAME').default('witness.negiz.local');

  witness
    .command('key')
    .description('print the verifier key the journal is configured with (NEGIZ_JOURNAL_WITNESSES)')
    .addOption(nameOption)
    .addOption(keyOption)
    .action(async (o: { name: string; key: string }) => {
      const [{ witnessSigner }, { vkeyOf }] = await Promise.all([import('./witness-server.ts'), import('./note.ts')]);
      console.log(vkeyOf(await witnessSigner({ name: o.name, key: o.key, createKey: true })));
    });

  witness
    .command('serve')
    .description('serve POST /add-checkpoint')
    .addOption(nameOption)
    .addOption(keyOption)
    .addOption(new Option('--log-key <vkey>', 'a log it watches (negiz journal key --note); repeatable').argParser(collect).makeOptionMandatory())
    .addOption(new Option('--url <postgres-url>', 'its own PostgreSQL database').env('NEGIZ_WITNESS_URL'))
    .addOption(new Option('--dir <path>', 'its embedded PGlite directory when no --url').env('NEGIZ_WITNESS_DIR').default('.negiz/witness'))
    .addOption(new Option('--host <host>').env('NEGIZ_WITNESS_HOST').default('127.0.0.1'))
    .addOption(new Option('--port <port>').env('NEGIZ_WITNESS_PORT').default('4100').argParser(Number))
    .action(async (o: { name: string; key: string; logKey: string[]; url?: string; dir: string; host: string; port: number }) => {
      const { buildWitness } = await import('./witness-server.ts');
      const running = await buildWitness({ name: o.name, key: o.key, createKey: true, logKeys: o.logKey, url: o.url, dir: o.dir });
      const address = await running.app.listen({ host: o.host, port: o.port });
      console.log(`witness ${o.name} listening on ${address}\n${running.vkey}`);
      const stop = (): void => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
