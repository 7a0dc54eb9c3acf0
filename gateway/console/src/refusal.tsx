/** A refusal of the API, in the user's language, with the code and the API's own message (never an empty page). */
import type { Refused } from './api.ts';
import { useWords } from './i18n.tsx';

export function RefusalNotice({ refused }: { refused: Refused }) {
  const { t, code } = useWords();
  return (
    <section className="refusal" role="alert" data-testid="refusal">
      <h2>{t('refusedTitle')}</h2>
      <p>
        <strong data-testid="refusal-text">{code(refused.code)}</strong> (<code data-testid="refusal-code">{refused.code}</code>)
      </p>
      <p className="muted">{refused.message}</p>
    </section>
  );
}
