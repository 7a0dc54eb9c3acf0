/** The page: login, then the basis panel above GraphiQL, and the panel of withheld fields beside it. */
import { GraphiQL } from 'graphiql';
import type { Fetcher } from '@graphiql/toolkit';
import { buildClientSchema, type GraphQLSchema } from 'graphql';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getConfig, getFieldServices, getMyCases, introspect, postGraphQL, type Basis, type Config, type MyCases } from './api.ts';
import { BasisPanel } from './basis-panel.tsx';
import { Login } from './login.tsx';
import { Refusals, type Outcome } from './refusals.tsx';
import { withServiceNotes } from './schema-notes.ts';
import { LANGUAGES, type Language } from '../../src/console/messages.ts';

const TOKEN_KEY = 'negiz:token';
const BASIS_KEY = 'negiz:basis';
// The console's key: one language for the analyst's pages on this origin; GraphiQL opens in English otherwise.
const LANGUAGE_KEY = 'negiz-console-language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY) ?? '';
  return (LANGUAGES as readonly string[]).includes(saved) ? (saved as Language) : 'en';
}

const DEFAULT_QUERY = `# Pick a case in the basis panel above, then ask about one subject of that case.
# The documentation (book icon) shows which state service each field comes from.
query Person($iin: IIN!) {
  person(iin: $iin) {
    iin
  }
}
`;

function stored<T>(key: string): T | undefined {
  const raw = sessionStorage.getItem(key);
  return raw ? (JSON.parse(raw) as T) : undefined;
}

/** `?query=...&variables=...` opens GraphiQL with that operation (links shared between analysts). */
function fromUrl(): { query?: string; variables?: string } {
  const params = new URLSearchParams(location.search);
  return { query: params.get('query') ?? undefined, variables: params.get('variables') ?? undefined };
}

export function App() {
  const [config, setConfig] = useState<Config>();
  const [token, setToken] = useState<string | undefined>(() => stored<string>(TOKEN_KEY));
  const [mine, setMine] = useState<MyCases>();
  const [basis, setBasis] = useState<Basis | undefined>(() => stored<Basis>(BASIS_KEY));
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const chooseLanguage = (l: Language) => {
    localStorage.setItem(LANGUAGE_KEY, l);
    document.documentElement.lang = l;
    setLanguage(l);
  };
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<string>();
  const basisRef = useRef(basis);
  basisRef.current = basis;

  useEffect(() => {
    getConfig().then(setConfig, (e: Error) => setProblem(e.message));
  }, []);

  const logout = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(BASIS_KEY);
    setToken(undefined);
    setMine(undefined);
    setBasis(undefined);
    setSchema(null);
    setOutcome(undefined);
  }, []);

  const login = useCallback((t: string) => {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(t));
    setToken(t);
  }, []);

  const chooseBasis = useCallback((b: Basis | undefined) => {
    if (b) sessionStorage.setItem(BASIS_KEY, JSON.stringify(b));
    else sessionStorage.removeItem(BASIS_KEY);
    setBasis(b);
  }, []);

  useEffect(() => {
    if (!token) return;
    getMyCases(token).then(setMine, (e: Error) => {
      setProblem(e.message);
      logout();
    });
  }, [token, logout]);

  // The schema, annotated with each field's service; reloaded once a basis is chosen if the gateway wants one.
  const complete = Boolean(basis?.number);
  useEffect(() => {
    if (!token || !config || schema) return;
    Promise.all([introspect(config.graphqlPath, token, complete ? basisRef.current : undefined), getFieldServices()]).then(
      ([introspection, services]) => {
        setSchema(buildClientSchema(withServiceNotes(introspection, services)));
        setProblem(undefined);
      },
      (e: Error) => setProblem(`Schema not loaded (${e.message})`),
    );
  }, [token, config, schema, complete]);

  const fetcher = useMemo<Fetcher>(
    () => async (params, options) => {
      // Formatted errors (JSON), as the gateway's own answers are: what GraphiQL shows.
      if (!token || !config) return { errors: [{ message: 'Log in first' }] } as never;
      const { status, retryAfter, result } = await postGraphQL(
        config.graphqlPath,
        token,
        basisRef.current,
        params,
        (options?.headers ?? {}) as Record<string, string>,
      );
      const withheld = Array.isArray(result.extensions?.['withheld']) ? (result.extensions['withheld'] as Array<Record<string, unknown>>) : [];
      setOutcome({ status, retryAfter, errors: result.errors ?? [], withheld });
      return result as never;
    },
    [token, config],
  );

  if (!config) return <p className="negiz-muted">{problem ?? 'Loading…'}</p>;
  if (!token) return <Login config={config} onToken={login} />;
  if (!mine) return <p className="negiz-muted">{problem ?? 'Loading your cases…'}</p>;

  const initial = fromUrl();
  return (
    <div className="negiz-app">
      <BasisPanel config={config} mine={mine} basis={basis} onBasis={chooseBasis} onLogout={logout} language={language} onLanguage={chooseLanguage} />
      {problem && <p className="negiz-error negiz-problem">{problem}</p>}
      <div className="negiz-main">
        <div className="negiz-graphiql">
          <GraphiQL
            fetcher={fetcher}
            schema={schema}
            defaultQuery={DEFAULT_QUERY}
            {...(initial.query ? { initialQuery: initial.query } : {})}
            {...(initial.variables ? { initialVariables: initial.variables } : {})}
            isHeadersEditorEnabled={false}
            defaultEditorToolsVisibility="variables"
          >
            <GraphiQL.Logo>Negiz</GraphiQL.Logo>
          </GraphiQL>
        </div>
        <Refusals outcome={outcome} language={language} />
      </div>
    </div>
  );
}
