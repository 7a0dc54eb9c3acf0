/**
 * What the gateway withheld or refused in the last response, with the rule it rests on: truncated fields
 * (REDACTED), services closed for the basis (FORBIDDEN_SERVICE_FOR_BASIS), limits, and whole-request refusals.
 */
import { CODE_TEXT, codeText, uiText, type Language } from '../../src/console/messages.ts';
import type { GraphQLErrorJson } from './api.ts';

export interface Outcome {
  status: number;
  retryAfter: string | null;
  errors: GraphQLErrorJson[];
  /** `extensions.withheld` of the response, when the gateway lists withheld fields there. */
  withheld: Array<Record<string, unknown>>;
}

const EXPLAIN: Record<string, string> = {
  REDACTED: 'Withheld: the service is granted on this basis only in truncated form',
  FORBIDDEN_SERVICE_FOR_BASIS: 'Not shown: this service is closed for this basis',
  FORBIDDEN_ARTICLE_FOR_SERVICE: "Not shown: the service is open only for the case's qualifying articles",
  FORBIDDEN_BASIS_FOR_ROLE: 'Refused: your role may not use this basis',
  BASIS_REQUIRED: 'Refused: pick a case in the basis panel',
  BASIS_NOT_YOURS: 'Refused: this case is not in your hands',
  RATE_LIMITED: 'Refused: too many requests or subjects',
  TOO_MANY_SUBJECTS: 'Refused: one request may concern only a few subjects',
};

function rule(extensions: Record<string, unknown> | undefined): string | undefined {
  const r = extensions?.['rule'] as { appendix?: number; row?: number; column?: number; note?: string } | undefined;
  if (!r || typeof r !== 'object') return undefined;
  return `Appendix ${r.appendix ?? '?'}, row ${r.row ?? '?'}, column ${r.column ?? '?'}${r.note ? ` (${r.note})` : ''}`;
}

function service(extensions: Record<string, unknown> | undefined): string | undefined {
  const s = extensions?.['service'];
  if (typeof s === 'string') return s;
  if (s && typeof s === 'object') {
    const o = s as { number?: number; slug?: string; name?: string };
    return [o.number && `service ${o.number}`, o.name, o.slug && `(${o.slug})`].filter(Boolean).join(' ');
  }
  return undefined;
}

interface Item {
  code: string;
  paths: string[];
  message: string;
  extensions: Record<string, unknown> | undefined;
}

/** One entry per code, reason and rule; the paths it applies to listed under it (a list of records repeats them). */
function group(outcome: Outcome | undefined): Item[] {
  const raw = [
    ...(outcome?.errors ?? []).map((e) => ({
      code: String(e.extensions?.['code'] ?? 'ERROR'),
      path: e.path?.join('.'),
      message: e.message,
      extensions: e.extensions,
    })),
    ...(outcome?.withheld ?? []).map((w) => ({
      code: String(w['code'] ?? 'REDACTED'),
      path: typeof w['path'] === 'string' ? w['path'] : Array.isArray(w['path']) ? (w['path'] as unknown[]).join('.') : undefined,
      message:
        typeof w['reason'] === 'string' ? w['reason'] : typeof w['message'] === 'string' ? w['message'] : `${String(w['coordinate'] ?? 'field')} withheld`,
      extensions: w,
    })),
  ];
  const items = new Map<string, Item>();
  for (const r of raw) {
    const key = JSON.stringify([r.code, r.message, r.extensions?.['rule'] ?? null]);
    const item = items.get(key) ?? { code: r.code, paths: [], message: r.message, extensions: r.extensions };
    if (r.path) item.paths.push(r.path);
    items.set(key, item);
  }
  return [...items.values()];
}

export function Refusals({ outcome, language = 'en' }: { outcome: Outcome | undefined; language?: Language }) {
  const items = group(outcome);
  const t = (key: Parameters<typeof uiText>[1]) => uiText(language, key);
  // English keeps the panel's own longer explanations; the other languages the register's words for the code.
  const explain = (code: string) => (language === 'en' ? EXPLAIN[code] : code in CODE_TEXT ? codeText(language, code) : EXPLAIN[code]);
  return (
    <aside className="negiz-refusals" data-testid="refusals">
      <h2>{t('withheldRefused')}</h2>
      {!outcome && <p className="negiz-muted">{t('runQuery')}</p>}
      {outcome && !items.length && <p className="negiz-muted">{t('nothingWithheld')}</p>}
      {outcome?.retryAfter && <p className="negiz-error">Retry after {outcome.retryAfter} s</p>}
      <ul>
        {items.map((item, i) => (
          <li key={i} className={`negiz-refusal negiz-code-${item.code}`} data-testid="refusal">
            <code className="negiz-badge" data-testid="refusal-code">
              {item.code}
            </code>
            {item.paths.length > 1 && <span className="negiz-muted"> ×{item.paths.length}</span>}
            {explain(item.code) && (
              <p className="negiz-explain" data-testid="refusal-explain">
                {explain(item.code)}
              </p>
            )}
            {item.paths.length > 0 && (
              <ul className="negiz-paths">
                {item.paths.map((path) => (
                  <li key={path}>
                    <code className="negiz-path">{path}</code>
                  </li>
                ))}
              </ul>
            )}
            <p data-testid="refusal-reason">{item.message}</p>
            {service(item.extensions) && (
              <p className="negiz-muted">
                {t('serviceLabel')}: {service(item.extensions)}
              </p>
            )}
            {rule(item.extensions) && (
              <p className="negiz-muted" data-testid="refusal-rule">
                {t('rule')}: {rule(item.extensions)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
