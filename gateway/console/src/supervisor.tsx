/**
 * The supervisor's month (p.10): requests per day and per user, refusals by code, the flagged requests first with
 * their reasons, filters, one request in detail and its review. Every load is a journaled read of /reports.
 */
import { useEffect, useMemo, useState } from 'react';
import { FLAG_TEXT } from '../../src/console/messages.ts';
import { download, getJson, getText, type Refused } from './api.ts';
import { BarChart } from './charts.tsx';
import { RequestDetail } from './detail.tsx';
import { useWords } from './i18n.tsx';
import { RefusalNotice } from './refusal.tsx';
import type { Report, ReportRow, Review } from './types.ts';

const BASES = ['CRIMINAL', 'ADMIN_COURT', 'ADMIN_OFFENCE', 'CIVIL', 'ENFORCEMENT', 'SEARCH'];
const OUTCOMES = ['RELEASED', 'PARTIAL', 'REFUSED', 'FAILED'];

interface Filters {
  from: string;
  to: string;
  user: string;
  basis: string;
  outcome: string;
  flag: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function initialFilters(): Filters {
  const to = new Date(Date.now() + 24 * 3600_000);
  return { from: day(new Date(to.getTime() - 31 * 24 * 3600_000)), to: day(to), user: '', basis: '', outcome: '', flag: '' };
}

function query(f: Filters, format?: 'csv'): string {
  const q = new URLSearchParams({ from: `${f.from}T00:00:00Z`, to: `${f.to}T00:00:00Z`, limit: '10000' });
  if (f.user) q.set('user', f.user);
  if (f.basis) q.set('basis', f.basis);
  if (f.outcome) q.set('outcome', f.outcome);
  if (format) q.set('format', format);
  return `/reports?${q}`;
}

function tally(values: Array<string | null>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()];
}

export function SupervisorView() {
  const { t, code } = useWords();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [applied, setApplied] = useState<Filters>(filters);
  const [report, setReport] = useState<Report | Refused | undefined>();
  const [open, setOpen] = useState<number | undefined>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void getJson<Report>(query(applied)).then((a) => setReport(a.ok ? a.body : a.refused));
  }, [applied, reload]);

  const { requests, reviews } = useMemo(() => {
    const rows = report && 'entries' in report ? report.entries : [];
    const reviews = new Map<number, Review>();
    for (const r of rows) {
      if (r.operation.name === 'reports.review' && r.note?.reviewOf !== undefined)
        reviews.set(Number(r.note.reviewOf), { by: r.login, at: r.localTime, comment: r.reason });
    }
    // The journal's own reads (these views, proofs, reviews) are not the staff's requests.
    const requests = rows.filter((r) => r.operation.kind !== 'journal-read');
    return { requests, reviews };
  }, [report]);

  const shown = useMemo(
    () =>
      requests
        .filter((r) => !applied.flag || r.flags.some((f) => f.code === applied.flag))
        .sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0) || b.id - a.id),
    [requests, applied.flag],
  );

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const exportCsv = async () => {
    const answer = await getText(query(applied, 'csv'));
    if (answer.ok) download(`negiz-report-${applied.from}-${applied.to}.csv`, 'text/csv;charset=utf-8', answer.body);
  };
  const selected = open === undefined ? undefined : requests.find((r) => r.id === open);

  return (
    <div className="view" data-testid="supervisor-view">
      <form
        className="filters no-print"
        aria-label={t('apply')}
        onSubmit={(event: Event) => {
          event.preventDefault();
          setApplied(filters);
        }}
      >
        <label>
          {t('from')}
          <input type="date" value={filters.from} onChange={set('from')} data-testid="filter-from" />
        </label>
        <label>
          {t('to')}
          <input type="date" value={filters.to} onChange={set('to')} data-testid="filter-to" />
        </label>
        <label>
          {t('user')}
          <input type="text" value={filters.user} onChange={set('user')} data-testid="filter-user" />
        </label>
        <label>
          {t('basisType')}
          <select value={filters.basis} onChange={set('basis')} data-testid="filter-basis">
            <option value="">{t('any')}</option>
            {BASES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('outcome')}
          <select value={filters.outcome} onChange={set('outcome')} data-testid="filter-outcome">
            <option value="">{t('any')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {code(o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flag')}
          <select value={filters.flag} onChange={set('flag')} data-testid="filter-flag">
            <option value="">{t('any')}</option>
            {Object.keys(FLAG_TEXT).map((f) => (
              <option key={f} value={f}>
                {code(f)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="filter-apply">
          {t('apply')}
        </button>
        <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()} data-testid="export-pdf">
          {t('exportPdf')}
        </button>
      </form>
      {!report && <p aria-live="polite">{t('loading')}</p>}
      {report && 'code' in report && <RefusalNotice refused={report} />}
      {report && 'entries' in report && (
        <>
          <p className="muted print-only">
            {report.organisation} · {applied.from} — {applied.to}
          </p>
          <p className="muted" data-testid="read-journaled">
            {report.organisation} · {t('readJournaled')}: #{report.journalEntry}
          </p>
          <div className="charts">
            <BarChart testId="chart-day" title={t('perDay')} counts={tally(requests.map((r) => r.localTime.slice(0, 10))).sort()} />
            <BarChart testId="chart-user" title={t('perUser')} counts={tally(requests.map((r) => r.login))} horizontal />
            <BarChart testId="chart-refusals" title={t('refusals')} counts={tally(requests.map((r) => (r.refusal ? code(r.refusal) : null)))} horizontal />
          </div>
          {selected && (
            <RequestDetail row={selected} review={reviews.get(selected.id)} onClose={() => setOpen(undefined)} onReviewed={() => setReload((n) => n + 1)} />
          )}
          <table className="requests" data-testid="requests">
            <caption>
              {t('requests')}: {shown.length}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('user')}</th>
                <th scope="col">{t('basis')}</th>
                <th scope="col">{t('outcome')}</th>
                <th scope="col">{t('flags')}</th>
                <th scope="col">{t('reviewed')}</th>
                <th scope="col" className="no-print">
                  <span className="visually-hidden">{t('open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 && (
                <tr>
                  <td colSpan={8}>{t('none')}</td>
                </tr>
              )}
              {shown.map((r: ReportRow) => (
                <tr key={r.id} className={r.flags.length ? 'flagged' : ''} data-testid={`request-${r.id}`} data-flagged={String(r.flags.length > 0)}>
                  <td>{r.id}</td>
                  <td>{r.localTime.replace('T', ' ').slice(0, 19)}</td>
                  <td>{r.login ?? t('destroyed')}</td>
                  <td>
                    {r.basisType ?? '—'} {r.basisNumber ?? ''}
                  </td>
                  <td>
                    {code(r.outcome)}
                    {r.refusal ? ` · ${code(r.refusal)}` : ''}
                  </td>
                  <td>
                    {r.flags.map((f) => (
                      <span key={f.code} className="badge" title={f.reason} data-testid="flag">
                        {code(f.code)}
                        <span className="flag-reason">{f.reason}</span>
                      </span>
                    ))}
                  </td>
                  <td data-testid="reviewed-mark">{reviews.has(r.id) ? `✓ ${t('reviewed')}` : ''}</td>
                  <td className="no-print">
                    <button type="button" onClick={() => setOpen(r.id)} data-testid={`open-${r.id}`} aria-label={`${t('open')} #${r.id}`}>
                      {t('open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
