import type { IsoDate, OwnerKey, World } from '@negiz/mocks/model.ts';
import enforcement from '../s18-enforcement/index.ts';

/** The fields of a proceeding of service 18 that other registers cite. */
export interface CitedProceeding {
  proceedingNumber: string;
  openedOn: IsoDate;
  subject: string;
  claimant: string;
  amountKzt: number;
  outstandingKzt: number;
  status: 'OPEN' | 'SUSPENDED' | 'COMPLETED' | 'RETURNED_TO_CLAIMANT' | 'TERMINATED';
  closedOn: IsoDate | null;
  enforcementOffice: string;
}

/**
 * The enforcement proceedings service 18 holds against a debtor. The debtors' register (56) and the bailiffs'
 * arrests and prohibitions (58-61) cite these, so a bailiff's arrest names proceedings that really exist.
 */
export function enforcementProceedingsOf(owner: OwnerKey, world: World): CitedProceeding[] {
  const read = 'iin' in owner ? enforcement.mock.entities?.Person : enforcement.mock.entities?.LegalEntity;
  const part = read?.('iin' in owner ? owner.iin : owner.bin, world);
  return (part?.enforcementProceedings as CitedProceeding[] | undefined) ?? [];
}

/** The debtor's proceedings still under way (a bailiff may arrest or prohibit in them), newest first. */
export function openProceedingsOf(owner: OwnerKey, world: World): CitedProceeding[] {
  return enforcementProceedingsOf(owner, world).filter((p) => p.status === 'OPEN' || p.status === 'SUSPENDED');
}

/** Who imposed a measure in these proceedings, from the office that conducts them. */
export function bailiffKind(proceeding: CitedProceeding): 'PRIVATE_BAILIFF' | 'STATE_BAILIFF' {
  return proceeding.enforcementOffice.startsWith('Private') ? 'PRIVATE_BAILIFF' : 'STATE_BAILIFF';
}
