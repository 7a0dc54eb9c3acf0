/** An entry's journal receipt and its inclusion proof, fetched from /reports/proof and verified in the page. */
import { useEffect, useState } from 'react';
import { checkInclusion, type InclusionCheck, type ProofDocument } from '../../src/console/inclusion.ts';
import { getJson, type Refused } from './api.ts';
import { useWords } from './i18n.tsx';
import { RefusalNotice } from './refusal.tsx';

export async function fetchProof(entryId: number): Promise<{ proof: ProofDocument; check: InclusionCheck } | Refused> {
  const answer = await getJson<{ proof: ProofDocument }>(`/reports/proof?id=${entryId}`);
  if (!answer.ok) return answer.refused;
  return { proof: answer.body.proof, check: await checkInclusion(answer.body.proof) };
}

export function ProofPanel({ entryId }: { entryId: number }) {
  const { t } = useWords();
  const [state, setState] = useState<{ proof: ProofDocument; check: InclusionCheck } | Refused | undefined>();
  useEffect(() => {
    setState(undefined);
    void fetchProof(entryId).then(setState);
  }, [entryId]);
  if (!state) return <p aria-live="polite">{t('checking')}</p>;
  if ('code' in state) return <RefusalNotice refused={state} />;
  const { proof, check } = state;
  return (
    <div className={check.verified ? 'proof ok' : 'proof bad'} data-testid="proof" data-verified={String(check.verified)} aria-live="polite">
      <p>
        <strong data-testid="proof-status">{check.verified ? `✓ ${t('proofVerified')}` : `✗ ${t('proofFailed')}`}</strong>
      </p>
      <dl className="facts">
        <dt>{t('receipt')}</dt>
        <dd>
          #{proof.entryId} · <code className="hash">{proof.leafHash}</code>
        </dd>
        <dt>RFC 9162</dt>
        <dd>
          tree {proof.treeSize}, root <code className="hash">{proof.rootHash}</code>, checkpoint #{proof.checkpoint.id} ({proof.checkpoint.signedAt}), Ed25519{' '}
          {check.signatureValid === undefined ? '—' : check.signatureValid ? '✓' : '✗'}
        </dd>
      </dl>
    </div>
  );
}
