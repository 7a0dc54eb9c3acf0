/** Login: in development, pick a demo user (the gateway's dev identity provider issues the token); else paste a token. */
import { useEffect, useState } from 'react';
import { devLogin, getDemoUsers, type Config, type DemoUser } from './api.ts';

export function Login({ config, onToken }: { config: Config; onToken: (token: string) => void }) {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState<string>();
  const [token, setToken] = useState('');

  useEffect(() => {
    if (config.devLogin) getDemoUsers().then(setUsers, (e: Error) => setError(e.message));
  }, [config.devLogin]);

  const pick = (login: string) => devLogin(login).then(onToken, (e: Error) => setError(e.message));

  return (
    <div className="negiz-login" data-testid="login">
      <h1>Negiz GraphiQL</h1>
      <p>Every query is made within one of your cases, and is recorded with its basis (order No. 21, p.1, p.5, p.10).</p>
      {error && <p className="negiz-error">{error}</p>}
      {config.devLogin ? (
        <>
          <h2>Development login: pick a demo user</h2>
          <ul className="negiz-users">
            {users.map((u) => (
              <li key={u.login}>
                <button type="button" data-testid={`login-${u.login}`} onClick={() => void pick(u.login)}>
                  <strong>{u.name ?? u.login}</strong>
                  <span>
                    {u.login} · role {u.role}: {u.roleName} · {u.organisation}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <form
          onSubmit={(e: { preventDefault(): void }) => {
            e.preventDefault();
            if (token.trim()) onToken(token.trim());
          }}
        >
          <h2>Paste the token your identity provider issued</h2>
          <textarea value={token} onChange={(e: { target: { value: string } }) => setToken(e.target.value)} rows={4} data-testid="token" />
          <button type="submit">Log in</button>
        </form>
      )}
    </div>
  );
}
