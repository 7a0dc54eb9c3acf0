/**
 * The registries the monthly-review flags consult, in development read from the synthetic world: who is in a
 * case (the case registries), the user's own IIN and surname (the demo users are persons of the population),
 * relatives (civil-status links, as service 32 serves them) and a person's surname (population register).
 */
import type { FlagOptions } from '@negiz/journal';
import { createRegistries, demoUser, type World } from '@negiz/mocks';
import type { BasisCode } from '@negiz/schema';

export function worldFlags(world: World): FlagOptions {
  const registries = createRegistries(world);
  return {
    caseSubjects: ({ type, number }) => registries.findCase(type as BasisCode, number)?.subjects.map((s) => ('iin' in s ? s.iin : s.bin)),
    personOf: (login) => {
      const user = demoUser(world, login);
      return user && { iin: user.iin, surname: world.person(user.iin)?.lastName };
    },
    relativesOf: (iin) => {
      const f = world.family(iin);
      return [...(f.spouse ? [f.spouse] : []), ...f.parents, ...f.children, ...f.siblings];
    },
    surnameOf: (iin) => world.person(iin)?.lastName,
  };
}
