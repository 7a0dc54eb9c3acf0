/** One request: its basis, the services called, the fields withheld and why, its receipt verified, and the review. */
import { useState } from 'react';
import { postJson } from './api.ts';
import { useWords } from './i18n.tsx';
import { ProofPanel } from './proof.tsx';
import type { ReportRow, Review } from './types.ts';

export function RequestDetail({ row, review, onClose, onReviewed }: { row: ReportRow; review?: Review; onClose: () => void; onReviewed: () => void }) {
  const { t, code } = useWords();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const answer = await postJson('/reports/review', { entryId: row.id, comment });
    if (!answer.ok) return setError(`${code(answer.refused.code)} (${answer.refused.code})`);
    setComment('');
    onReviewed();
  };
  return (
    <section className="detail" aria-labelledby="detail-title" data-testid="detail">
      <header>
        <h2 id="detail-title">
          #{row.id} · {row.localTime}
        </h2>
        <button type="button" className="no-print" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <dl className="facts">
        <dt>{t('user')}</dt>
        <dd>{row.login ?? t('destroyed')}</dd>
        <dt>{t('basis')}</dt>
        <dd data-testid="detail-basis">
          {row.basisType ?? '—'} {row.basisNumber ?? ''} {row.verification ? `(${code(row.verification)})` : ''}
          {row.instruction ? ` · ${row.instruction}` : ''}
        </dd>
        <dt>{t('outcome')}</dt>
        <dd>
          {code(row.outcome)}
          {row.refusal ? ` · ${code(row.refusal)} (${row.refusal})` : ''}
        </dd>
        <dt>{t('services')}</dt>
        <dd data-testid="detail-services">{row.servicesCalled.join(', ') || '—'}</dd>
        <dt>{t('flags')}</dt>
        <dd>
          {row.flags.length === 0
            ? '—'
            : row.flags.map((f) => (
                <p key={f.code} className="flag-line">
                  <span className="badge">{code(f.code)}</span> {f.reason}
                </p>
              ))}
        </dd>
      </dl>
      <h3>{t('withheld')}</h3>
      {row.withheld.length === 0 ? (
        <p>—</p>
      ) : (
        <table data-testid="detail-withheld">
          <thead>
            <tr>
              <th scope="col">path</th>
              <th scope="col">code</th>
              <th scope="col">{t('rule')}</th>
            </tr>
          </thead>
          <tbody>
            {row.withheld.map((w) => (
              <tr key={w.path}>
                <td>
                  <code>{w.path}</code>
                </td>
                <td>
                  {code(w.code)} ({w.code})
                </td>
                <td>
                  Appendix {w.rule.appendix}, row {w.rule.row}, column {w.rule.column}
                  {w.rule.note ? ` (${w.rule.note})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('receipt')}</h3>
      <ProofPanel entryId={row.id} />
      <h3>{t('reviewed')}</h3>
      {review ? (
        <p data-testid="review">
          ✓ {t('reviewed')}: {review.by ?? ''} · {review.at} · {review.comment ?? ''}
        </p>
      ) : (
        <form
          className="review no-print"
          onSubmit={(event: Event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="review-comment">{t('comment')}</label>
          <textarea
            id="review-comment"
            data-testid="review-comment"
            rows={2}
            required
            value={comment}
            onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
          />
          <button type="submit" data-testid="review-submit" disabled={!comment.trim()}>
            {t('markReviewed')}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}
