/**
 * GraphiQL's directory in development: the demo users of the synthetic world (@negiz/mocks), their cases, and
 * tokens from the development identity provider. Never used in production, where the identity provider logs
 * users in and the registries answer `casesOf` over HTTP.
 */
import { demoUsers, userCases, type World } from '@negiz/mocks';
import type { DevIdentityProvider } from '../authenticate/dev-idp.ts';
import type { DemoUser, GraphiqlIdentity, GraphiqlPluginOptions, UserCase } from '../clients/graphiql/plugin.ts';
import { amrOf } from './demo-users.ts';

/** The user's cases as the basis panel shows them: open ones first, with their subjects and instructions. */
export function demoCasesOf(world: World): (identity: GraphiqlIdentity) => Promise<UserCase[]> {
  return async (identity) =>
    userCases(world, identity.login)
      .map((c) => ({
        type: c.basis,
        number: c.number,
        status: c.status,
        title: c.title,
        ...(c.articles ? { articles: c.articles } : {}),
        instructions: c.instruction ? [c.instruction.outgoingNumber] : [],
        subjects: c.subjects.map((s) => ('iin' in s ? `IIN ${s.iin}` : `BIN ${s.bin}`)),
      }))
      .sort((a, b) => Number(a.status === 'CLOSED') - Number(b.status === 'CLOSED'));
}

/** The development login: active demo users, tokens from the development identity provider. */
export function demoLogin(world: World, idp: DevIdentityProvider): NonNullable<GraphiqlPluginOptions['devLogin']> {
  const users = demoUsers(world).filter((u) => u.status === 'ACTIVE');
  const byLogin = new Map(users.map((u) => [u.login, u]));
  return {
    users: (): DemoUser[] => users.map((u) => ({ login: u.login, role: u.role, organisation: u.organisation, name: u.fullName })),
    issue: (user) => {
      const demo = byLogin.get(user.login);
      return idp.issue({ login: user.login, role: user.role, organisation: user.organisation, ...(demo ? { amr: amrOf(demo) } : {}) });
    },
  };
}
