/** The basis panel: the case type, number and instruction, picked from the user's own cases (p.1, p.5, p.22). */
import { LANGUAGES, uiText, type Language } from '../../src/console/messages.ts';
import type { Basis, Config, MyCases } from './api.ts';

const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function BasisPanel({
  config,
  mine,
  basis,
  onBasis,
  onLogout,
  language,
  onLanguage,
}: {
  config: Config;
  mine: MyCases;
  basis: Basis | undefined;
  onBasis: (basis: Basis | undefined) => void;
  onLogout: () => void;
  language: Language;
  onLanguage: (language: Language) => void;
}) {
  const t = (key: Parameters<typeof uiText>[1]) => uiText(language, key);
  const baseName = (code: string) => config.bases.find((b) => b.code === code)?.name ?? code;
  const types = mine.bases.filter((code) => mine.cases.some((c) => c.type === code));
  const type = basis?.type ?? '';
  const cases = mine.cases.filter((c) => c.type === type);
  const selected = cases.find((c) => c.number === basis?.number);
  const instructionAllowed = config.bases.find((b) => b.code === type)?.instruction === 'allowed';

  return (
    <header className="negiz-bar" data-testid="basis-panel">
      <span className="negiz-brand">Negiz</span>
      <label>
        {t('basis')}
        <select
          data-testid="basis-type"
          value={type}
          onChange={(e: { target: { value: string } }) => onBasis(e.target.value ? { type: e.target.value, number: '' } : undefined)}
        >
          <option value="">{t('pickType')}</option>
          {types.map((code) => (
            <option key={code} value={code}>
              {code}: {baseName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('case')}
        <select
          data-testid="basis-number"
          value={basis?.number ?? ''}
          disabled={!type}
          onChange={(e: { target: { value: string } }) => onBasis({ type, number: e.target.value })}
        >
          <option value="">{t('pickNumber')}</option>
          {cases.map((c) => (
            <option key={c.number} value={c.number} disabled={c.status === 'CLOSED'}>
              {c.number}
              {c.title ? ` · ${c.title}` : ''}
              {c.status === 'CLOSED' ? ` ${t('closedCase')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {instructionAllowed && (
        <label>
          {t('instruction')}
          <select
            data-testid="basis-instruction"
            value={basis?.instruction ?? ''}
            disabled={!selected?.instructions?.length}
            onChange={(e: { target: { value: string } }) =>
              onBasis({ type, number: basis?.number ?? '', ...(e.target.value ? { instruction: e.target.value } : {}) })
            }
          >
            <option value="">{t('noInstruction')}</option>
            {(selected?.instructions ?? []).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      {selected?.subjects?.length ? (
        <span className="negiz-subjects" data-testid="basis-subjects" title="The subjects of this case">
          {selected.subjects.join(', ')}
        </span>
      ) : null}
      <span className={basis?.number ? 'negiz-basis-ok' : 'negiz-basis-missing'} data-testid="basis-summary">
        {basis?.number
          ? `${t('basisCarried')} ${basis.type} ${basis.number}${basis.instruction ? `, ${t('instruction')} ${basis.instruction}` : ''}`
          : t('basisMissing')}
      </span>
      <span className="negiz-user" data-testid="user">
        {mine.user.login} · {mine.user.roleName}
      </span>
      <label>
        {t('language')}
        <select data-testid="language" value={language} onChange={(e: { target: { value: string } }) => onLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onLogout}>
        {t('logout')}
      </button>
    </header>
  );
}
