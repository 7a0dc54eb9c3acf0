/** The case registries of the synthetic world (@negiz/mocks), for development and demonstrations. */
import { createRegistries, type World } from '@negiz/mocks';
import type { CaseRegistry } from '../basis/registry.ts';

export function mockCaseRegistry(world: World): CaseRegistry {
  const registries = createRegistries(world);
  return {
    async findCase(type, number) {
      const found = registries.findCase(type, number);
      return found && { type: found.basis, number: found.number, status: found.status, assignees: found.assigned, ...(found.articles ? { articles: found.articles } : {}) };
    },
    async findInstruction(number) {
      const found = registries.instructionByNumber(number);
      return found && { number: found.outgoingNumber, caseNumber: found.caseNumber, addressee: found.to, status: found.status };
    },
  };
}
