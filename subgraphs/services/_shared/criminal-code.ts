/**
 * Articles of the Criminal Code of 2014 that the mock criminal registers (services 16, 17, 20) cite. The ones in
 * Chapter 8 (economic activity) matter to the tax-authority services (p.2, footnote 2).
 */
export const CRIMINAL_CODE_ARTICLES = [
  { article: '188', title: 'Theft', weight: 8 },
  { article: '190', title: 'Fraud', weight: 6 },
  { article: '191', title: 'Robbery', weight: 3 },
  { article: '192', title: 'Brigandage', weight: 1 },
  { article: '106', title: 'Intentional infliction of grave harm to health', weight: 1 },
  { article: '107', title: 'Intentional infliction of harm of moderate gravity to health', weight: 2 },
  { article: '99', title: 'Murder', weight: 1 },
  { article: '139', title: 'Malicious evasion of payment of alimony', weight: 2 },
  { article: '189', title: 'Misappropriation or embezzlement of entrusted property', weight: 2 },
  { article: '200', title: 'Unlawful taking of a motor vehicle without intent to steal', weight: 1 },
  { article: '293', title: 'Hooliganism', weight: 3 },
  { article: '296', title: 'Illegal handling of narcotic drugs without intent to sell', weight: 3 },
  { article: '297', title: 'Illegal manufacture or sale of narcotic drugs', weight: 1 },
  { article: '345', title: 'Violation of traffic rules by a person driving a vehicle', weight: 2 },
  { article: '366', title: 'Taking a bribe', weight: 1 },
  { article: '367', title: 'Giving a bribe', weight: 1 },
  { article: '214', title: 'Illegal entrepreneurship and illegal banking activity', weight: 1 },
  { article: '216', title: 'Issue of invoices without actual performance of work or services', weight: 1 },
  { article: '218', title: 'Legalisation (laundering) of money or other property obtained by crime', weight: 1 },
  { article: '245', title: 'Evasion of taxes and other payments to the budget by an organisation', weight: 1 },
] as const;

export type CriminalCodeArticle = (typeof CRIMINAL_CODE_ARTICLES)[number];

/** An article picked with its weight (thefts are common, murders rare), from a number in [0, 1). */
export function articleAt(fraction: number): CriminalCodeArticle {
  const total = CRIMINAL_CODE_ARTICLES.reduce((sum, a) => sum + a.weight, 0);
  let left = fraction * total;
  for (const a of CRIMINAL_CODE_ARTICLES) {
    left -= a.weight;
    if (left < 0) return a;
  }
  return CRIMINAL_CODE_ARTICLES[0];
}

/** A 15-digit number of the unified register of pre-trial investigations: year, body code, sequence. */
export function pretrialRegisterNumber(year: string, bodyCode: string, sequence: string): string {
  return `${year.slice(2, 4)}${bodyCode.padStart(4, '0').slice(0, 4)}${sequence.padStart(9, '0').slice(0, 9)}`;
}
