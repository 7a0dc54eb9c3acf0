/**
 * The same login as GraphiQL: in development a demo user is picked and the development identity provider issues
 * the token; in production the token comes from the identity provider and is pasted (or handed over) here.
 */
import { useEffect, useState } from 'react';
import { getJson, postJson, session } from './api.ts';
import { useWords } from './i18n.tsx';

interface DemoUser {
  login: string;
  role: number;
  organisation: string;
  name?: string;
}

export function Login({ onLogin }: { onLogin: () => void }) {
  const { t } = useWords();
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [token, setToken] = useState('');
  useEffect(() => {
    void (async () => {
      const config = await getJson<{ devLogin: boolean }>('/console/api/config');
      if (!config.ok || !config.body.devLogin) return;
      const list = await getJson<DemoUser[]>('/console/api/dev/users');
      if (list.ok) setUsers(list.body);
    })();
  }, []);
  const loginAs = async (login: string) => {
    const answer = await postJson<{ token: string }>('/console/api/dev/login', { login });
    if (answer.ok) {
      session.set(answer.body.token);
      onLogin();
    }
  };
  return (
    <main className="login" data-testid="login">
      <h1>{t('title')}</h1>
      {users.length > 0 && (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users">{t('loginAs')}</h2>
          <ul className="users">
            {users.map((u) => (
              <li key={u.login}>
                <button type="button" data-testid={`login-${u.login}`} onClick={() => void loginAs(u.login)}>
                  <strong>{u.name ?? u.login}</strong>
                  <span className="muted">
                    {u.login} · {u.organisation}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        onSubmit={(event: Event) => {
          event.preventDefault();
          if (!token.trim()) return;
          session.set(token.trim());
          onLogin();
        }}
      >
        <label htmlFor="token">{t('token')}</label>
        <textarea id="token" rows={3} value={token} onChange={(e: { target: { value: string } }) => setToken(e.target.value)} />
        <button type="submit">{t('login')}</button>
      </form>
    </main>
  );
}
