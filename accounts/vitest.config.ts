import { defineProject } from 'vitest/config';

// The tests talk to the machine's real PostgreSQL (a fresh database per suite) and Redis.
export default defineProject({ test: { name: 'accounts', include: ['test/**/*.test.ts'] } });
