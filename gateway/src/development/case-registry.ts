/** The case registries of the synthetic world (@negiz/mocks), for development and demonstrations. */
import { createRegistries, type CaseRecord as MockCase, type InstructionRecord as MockInstruction, type World } from '@negiz/mocks';
import { userCasesOf, type CaseRecord, type CaseRegistry, type InstructionRecord } from '../basis/registry.ts';

/** A mock case as the registry adapters return it, with its title for the basis panel. */
export function caseOfWorld(found: MockCase): CaseRecord & { title: string } {
  return {
    type: found.basis,
    number: found.number,
    status: found.status,
    assignees: found.assigned,
    ...(found.articles ? { articles: found.articles } : {}),
    title: found.title,
  };
}

export function instructionOfWorld(found: MockInstruction): InstructionRecord {
  return { number: found.outgoingNumber, caseNumber: found.caseNumber, addressee: found.to, status: found.status };
}

export function mockCaseRegistry(world: World): CaseRegistry {
  const registries = createRegistries(world);
  return {
    async findCase(type, number) {
      const found = registries.findCase(type, number);
      if (!found) return undefined;
      const { title: _title, ...record } = caseOfWorld(found);
      return record;
    },
    async findInstruction(number) {
      const found = registries.instructionByNumber(number);
      return found && instructionOfWorld(found);
    },
    async casesOf(login) {
      const instructed = registries.instructionsTo(login);
      // The cases the instructions are on, so only those on open cases are offered.
      const instructedCases = instructed.flatMap((i) => registries.findCase('CRIMINAL', i.caseNumber) ?? []);
      return userCasesOf(login, [...registries.casesOfUser(login), ...instructedCases].map(caseOfWorld), instructed.map(instructionOfWorld));
    },
  };
}
