/** The user registry over the account register (@negiz/accounts): the account's standing now. */
import type { AccountRegister } from '@negiz/accounts';
import type { UserRecord, UserRegistry } from './users.ts';

export function registerUserRegistry(register: Pick<AccountRegister, 'standing'>): UserRegistry {
  return {
    async user(login): Promise<UserRecord | undefined> {
      const standing = await register.standing(login);
      if (!standing) return undefined;
      return {
        login: standing.login,
        status: standing.status,
        ...(standing.role === undefined ? {} : { role: standing.role }),
        grants: standing.grants,
        agreementAccepted: standing.agreementAccepted,
      };
    },
  };
}
