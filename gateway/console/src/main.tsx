/** The console's shell: login, language, and the views the user's grants open (others answer with a refusal). */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { getJson, session, type Refused } from './api.ts';
import { LANGUAGE_NAMES, LANGUAGES, LanguageContext, savedLanguage, useWords, type Language } from './i18n.tsx';
import { Login } from './login.tsx';
import { OperatorView } from './operator.tsx';
import { RefusalNotice } from './refusal.tsx';
import { SecurityView } from './security.tsx';
import { SupervisorView } from './supervisor.tsx';
import type { Me } from './types.ts';
import './console.css';

type View = 'supervisor' | 'security' | 'operator';

function Shell({ language, setLanguage }: { language: Language; setLanguage: (l: Language) => void }) {
  const { t } = useWords();
  const [me, setMe] = useState<Me | Refused | undefined>();
  const [view, setView] = useState<View>('supervisor');
  const [loggedIn, setLoggedIn] = useState(Boolean(session.token()));
  useEffect(() => {
    if (!loggedIn) return;
    void getJson<Me>('/console/api/me').then((a) => {
      setMe(a.ok ? a.body : a.refused);
      if (!a.ok || a.body.grants.includes('REPORTS')) return;
      if (a.body.grants.includes('INTERNAL_SECURITY')) setView('security');
      else if (a.body.grants.includes('OPERATOR')) setView('operator');
    });
  }, [loggedIn]);
  const logout = () => {
    session.clear();
    setMe(undefined);
    setLoggedIn(false);
  };
  return (
    <>
      <header className="top">
        <h1>{t('title')}</h1>
        <label className="language no-print">
          {t('language')}
          <select value={language} onChange={(e: { target: { value: string } }) => setLanguage(e.target.value as Language)} data-testid="language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {me && 'login' in me && (
          <p className="who" data-testid="who">
            {me.login} · {me.organisation}
          </p>
        )}
        {loggedIn && (
          <button type="button" className="no-print" onClick={logout}>
            {t('logout')}
          </button>
        )}
      </header>
      {!loggedIn && <Login onLogin={() => setLoggedIn(true)} />}
      {loggedIn && me && 'code' in me && <RefusalNotice refused={me} />}
      {loggedIn && me && 'login' in me && (
        <main>
          <nav className="tabs no-print" aria-label={t('title')}>
            {(['supervisor', 'security', 'operator'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`tab-${v}`}>
                {t(v)}
              </button>
            ))}
          </nav>
          {view === 'supervisor' ? <SupervisorView /> : view === 'security' ? <SecurityView /> : <OperatorView />}
        </main>
      )}
    </>
  );
}

function App() {
  const [language, setLanguageState] = useState<Language>(savedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = (l: Language) => {
    localStorage.setItem('negiz-console-language', l);
    setLanguageState(l);
  };
  return (
    <LanguageContext.Provider value={language}>
      <Shell language={language} setLanguage={setLanguage} />
    </LanguageContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
