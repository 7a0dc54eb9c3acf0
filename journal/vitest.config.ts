import { defineProject } from 'vitest/config';

// The tests talk to the machine's real PostgreSQL (a fresh database per suite) and to in-memory PGlite.
export default defineProject({ test: { name: 'journal', include: ['test/**/*.test.ts'] } });
