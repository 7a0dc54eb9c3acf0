/**
 * The operator's accounts and grants (order No. 21 p.14-15, Appendix 6) through the account register's admin API
 * (/admin/users..., OPERATOR grant); every action asks for its reason, which the register journals with the change.
 */
import { useEffect, useState } from 'react';
import { getJson, postJson, type Refused } from './api.ts';
import { useWords } from './i18n.tsx';
import { RefusalNotice } from './refusal.tsx';

interface Account {
  login: string;
  fullName: string;
  organisation: string;
  role: number | null;
  effectiveStatus: string;
  pendingRole: { role: number } | null;
  grants: Array<{ kind: string; letterReference: string | null }>;
}

const ACTIONS = { block: 'block', unblock: 'unblock', approveRole: 'approve-role', grant: 'grants', revoke: 'grants/revoke' } as const;
type Action = keyof typeof ACTIONS;
const KINDS = ['REPORTS', 'INTERNAL_SECURITY', 'OPERATOR'];

export function OperatorView() {
  const { t, code } = useWords();
  const [accounts, setAccounts] = useState<Account[] | Refused | undefined>();
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<string | undefined>();
  const [action, setAction] = useState<Action>('block');
  const [kind, setKind] = useState('REPORTS');
  const [document, setDocument] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void getJson<{ users: Account[] }>('/admin/users').then((a) => setAccounts(a.ok ? a.body.users : a.refused));
  }, [reload]);

  const submit = async () => {
    if (!selected) return;
    const body = { reason, ...(document.trim() ? { document: document.trim() } : {}), ...(action === 'grant' || action === 'revoke' ? { kind } : {}) };
    const answer = await postJson(`/admin/users/${encodeURIComponent(selected)}/${ACTIONS[action]}`, body);
    if (!answer.ok) return setStatus(`${code(answer.refused.code)} (${answer.refused.code}): ${answer.refused.message}`);
    setStatus(t('done'));
    setReason('');
    setDocument('');
    setReload((n) => n + 1);
  };

  if (!accounts) return <p aria-live="polite">{t('loading')}</p>;
  if ('code' in accounts) return <RefusalNotice refused={accounts} />;
  return (
    <div className="view" data-testid="operator-view">
      {selected && (
        <form
          className="detail no-print"
          data-testid="account-action"
          onSubmit={(event: Event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2>
            {t('manage')}: {selected}
          </h2>
          <div className="filters">
            <label>
              {t('action')}
              <select value={action} onChange={(e: { target: { value: string } }) => setAction(e.target.value as Action)} data-testid="account-action-kind">
                {(Object.keys(ACTIONS) as Action[]).map((a) => (
                  <option key={a} value={a}>
                    {t(a)}
                  </option>
                ))}
              </select>
            </label>
            {(action === 'grant' || action === 'revoke') && (
              <label>
                {t('grantKind')}
                <select value={kind} onChange={(e: { target: { value: string } }) => setKind(e.target.value)} data-testid="account-grant-kind">
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t('document')}
              <input type="text" value={document} onChange={(e: { target: { value: string } }) => setDocument(e.target.value)} data-testid="account-document" />
            </label>
            <label className="wide">
              {t('reason')}
              <textarea
                rows={2}
                required
                value={reason}
                onChange={(e: { target: { value: string } }) => setReason(e.target.value)}
                data-testid="account-reason"
              />
            </label>
            <button type="submit" disabled={!reason.trim()} data-testid="account-submit">
              {t('submit')}
            </button>
            <button type="button" onClick={() => setSelected(undefined)}>
              {t('close')}
            </button>
          </div>
          <p aria-live="polite" data-testid="account-status">
            {status}
          </p>
        </form>
      )}
      <table data-testid="accounts">
        <caption>
          {t('accounts')}: {accounts.length}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('user')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('grants')}</th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">{t('manage')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.login} data-testid={`account-${a.login}`}>
              <td>
                {a.login}
                <span className="muted"> · {a.fullName}</span>
              </td>
              <td>{a.organisation}</td>
              <td>
                {a.role ?? '—'}
                {a.pendingRole ? ` → ${a.pendingRole.role}` : ''}
              </td>
              <td data-testid="account-status-cell">{a.effectiveStatus}</td>
              <td data-testid="account-grants">{a.grants.map((g) => g.kind).join(', ')}</td>
              <td className="no-print">
                <button
                  type="button"
                  onClick={() => {
                    setSelected(a.login);
                    setStatus('');
                  }}
                  aria-label={`${t('manage')} ${a.login}`}
                  data-testid={`manage-${a.login}`}
                >
                  {t('manage')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
