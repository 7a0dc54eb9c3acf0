/** The basis panel: the case type, number and instruction, picked from the user's own cases (p.1, p.5, p.22). */
import type { Basis, Config, MyCases } from './api.ts';

export function BasisPanel({
  config,
  mine,
  basis,
  onBasis,
  onLogout,
}: {
  config: Config;
  mine: MyCases;
  basis: Basis | undefined;
  onBasis: (basis: Basis | undefined) => void;
  onLogout: () => void;
}) {
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
        Basis
        <select
          data-testid="basis-type"
          value={type}
          onChange={(e: { target: { value: string } }) => onBasis(e.target.value ? { type: e.target.value, number: '' } : undefined)}
        >
          <option value="">— case type —</option>
          {types.map((code) => (
            <option key={code} value={code}>
              {code}: {baseName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Case
        <select
          data-testid="basis-number"
          value={basis?.number ?? ''}
          disabled={!type}
          onChange={(e: { target: { value: string } }) => onBasis({ type, number: e.target.value })}
        >
          <option value="">— case number —</option>
          {cases.map((c) => (
            <option key={c.number} value={c.number} disabled={c.status === 'CLOSED'}>
              {c.number}
              {c.title ? ` · ${c.title}` : ''}
              {c.status === 'CLOSED' ? ' (closed)' : ''}
            </option>
          ))}
        </select>
      </label>
      {instructionAllowed && (
        <label>
          Instruction
          <select
            data-testid="basis-instruction"
            value={basis?.instruction ?? ''}
            disabled={!selected?.instructions?.length}
            onChange={(e: { target: { value: string } }) =>
              onBasis({ type, number: basis?.number ?? '', ...(e.target.value ? { instruction: e.target.value } : {}) })
            }
          >
            <option value="">— none —</option>
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
          ? `Requests carry ${basis.type} ${basis.number}${basis.instruction ? `, instruction ${basis.instruction}` : ''}`
          : 'Pick a case: every request needs a basis'}
      </span>
      <span className="negiz-user" data-testid="user">
        {mine.user.login} · {mine.user.roleName}
      </span>
      <button type="button" onClick={onLogout}>
        Log out
      </button>
    </header>
  );
}
