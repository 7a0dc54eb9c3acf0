/**
 * The demo users of the synthetic world loaded into the account register on first start: each with a signature
 * key held by the development identity provider, the agreement accepted with that key (except the one made to
 * show the agreement gate), their grants, and the blocked and suspended states of the world.
 */
import { demoUsers, type Grant, type World } from '@negiz/mocks';
import type { AccountRegister, ChangeContext } from '@negiz/accounts';
import type { DevIdentityProvider } from '../authenticate/dev-idp.ts';
import { EGOV_PORTAL_ACCOUNT, grantKind } from './demo-users.ts';

const SEED: ChangeContext = {
  actor: { login: 'negiz start (development)', role: 0, organisation: 'OPERATOR' },
  client: { kind: 'CLI', id: 'negiz start' },
  reason: 'demo user of the synthetic world (development)',
};

/** The operator's demo account: the OPERATOR grant opens /admin/users (docs/accounts.md). */
export const DEMO_OPERATOR = {
  login: 'operator.kpssu',
  fullName: 'Операторов Оператор',
  role: 20,
  organisation: 'КПССУ Генеральной прокуратуры Республики Казахстан',
};

export async function loadDemoAccounts(register: AccountRegister, world: World, idp: DevIdentityProvider): Promise<void> {
  const accept = async (login: string): Promise<void> => {
    const jws = await idp.signAs(login, { version: register.agreement.version, textHash: register.agreement.textHash });
    await register.acceptAgreement(login, jws, SEED);
  };
  const users = [
    ...demoUsers(world).map((u) => ({ ...u, grants: u.grants as ReadonlyArray<Grant | 'OPERATOR'> })),
    { ...EGOV_PORTAL_ACCOUNT, fullName: 'Портал электронного правительства', phone: '', status: 'ACTIVE' as const, grants: [] },
    { ...DEMO_OPERATOR, phone: '', status: 'ACTIVE' as const, grants: ['OPERATOR' as const] },
  ];
  for (const user of users) {
    if (await register.row(user.login)) continue;
    await register.add(
      {
        login: user.login,
        fullName: user.fullName,
        organisation: user.organisation,
        role: user.role,
        ...(user.phone ? { phone: user.phone } : {}),
        signingKey: await idp.userKey(user.login),
      },
      SEED,
    );
    if (user.status !== 'AGREEMENT_NOT_ACCEPTED') await accept(user.login);
    for (const grant of user.grants) {
      const kind = grant === 'OPERATOR' ? grant : grantKind(grant);
      if (kind !== 'REPORTS' && kind !== 'INTERNAL_SECURITY' && kind !== 'OPERATOR') continue;
      const letter = typeof grant === 'string' ? 'demo grant of the synthetic world' : grant.letter;
      await register.grant(user.login, kind, { ...SEED, document: letter });
    }
    if (user.status === 'BLOCKED') await register.block(user.login, SEED);
    if (user.status === 'SUSPENDED') await register.block(user.login, SEED, 'HR_SUSPENDED', 'SUSPENDED');
  }
}
