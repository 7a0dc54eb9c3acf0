/**
 * Internal security (seed 000): who looked at a given person, when, on which basis, across organisations; the
 * extract downloadable as JSON with each entry's inclusion proof (verified in the page first), or printed to PDF.
 */
import { useState } from 'react';
import { download, getJson, type Refused } from './api.ts';
import { useWords } from './i18n.tsx';
import { fetchProof } from './proof.tsx';
import { RefusalNotice } from './refusal.tsx';
import type { ReportRow } from './types.ts';

interface Lookup {
  count: number;
  journalEntry: string;
  entries: ReportRow[];
}

export function SecurityView() {
  const { t, code } = useWords();
  const [iin, setIin] = useState('');
  const [subject, setSubject] = useState('');
  const [result, setResult] = useState<Lookup | Refused | undefined>();
  const [status, setStatus] = useState('');

  const search = async () => {
    setResult(undefined);
    setSubject(iin);
    const answer = await getJson<Lookup>(`/reports/subject?iin=${encodeURIComponent(iin)}`);
    setResult(answer.ok ? answer.body : answer.refused);
  };

  const extract = async (lookup: Lookup) => {
    setStatus(t('checking'));
    const proofs = [];
    for (const entry of lookup.entries) {
      const proved = await fetchProof(entry.id);
      if ('code' in proved) {
        setStatus(`${code(proved.code)} (${proved.code})`);
        return;
      }
      proofs.push({ entry, proof: proved.proof, verifiedInPage: proved.check.verified });
    }
    const document = {
      subject: { kind: 'IIN', value: subject },
      generatedAt: new Date().toISOString(),
      lookupJournalEntry: lookup.journalEntry,
      entries: proofs,
    };
    download(`negiz-extract-${subject}.json`, 'application/json', JSON.stringify(document, null, 2));
    setStatus(proofs.every((p) => p.verifiedInPage) ? `✓ ${t('proofVerified')} (${proofs.length})` : `✗ ${t('proofFailed')}`);
  };

  return (
    <div className="view" data-testid="security-view">
      <form
        className="filters no-print"
        onSubmit={(event: Event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label>
          {t('subjectIin')}
          <input
            type="text"
            inputMode="numeric"
            pattern="\d{12}"
            required
            value={iin}
            onChange={(e: { target: { value: string } }) => setIin(e.target.value.trim())}
            data-testid="subject-iin"
          />
        </label>
        <button type="submit" data-testid="subject-search">
          {t('search')}
        </button>
      </form>
      {result && 'code' in result && <RefusalNotice refused={result} />}
      {result && 'entries' in result && (
        <>
          <h2>
            {t('whoLooked')}: {subject}
          </h2>
          <p className="muted" data-testid="read-journaled">
            {t('readJournaled')}: #{result.journalEntry}
          </p>
          <div className="actions no-print">
            <button type="button" onClick={() => void extract(result)} data-testid="download-extract" disabled={result.entries.length === 0}>
              {t('downloadJson')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('exportPdf')}
            </button>
            <span aria-live="polite" data-testid="extract-status">
              {status}
            </span>
          </div>
          <table data-testid="lookups">
            <caption>
              {t('whoLooked')}: {result.count}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('user')}</th>
                <th scope="col">{t('organisation')}</th>
                <th scope="col">{t('basis')}</th>
                <th scope="col">{t('outcome')}</th>
                <th scope="col">{t('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {result.entries.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('none')}</td>
                </tr>
              )}
              {result.entries.map((r) => (
                <tr key={r.id} data-testid={`lookup-${r.id}`}>
                  <td>{r.id}</td>
                  <td>{r.localTime.replace('T', ' ').slice(0, 19)}</td>
                  <td>{r.login ?? t('destroyed')}</td>
                  <td>{r.organisation}</td>
                  <td>
                    {r.basisType ?? '—'} {r.basisNumber ?? ''}
                  </td>
                  <td>
                    {code(r.outcome)}
                    {r.refusal ? ` · ${code(r.refusal)}` : ''}
                  </td>
                  <td>{r.flags.map((f) => code(f.code)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
