import { defineProject } from 'vitest/config';

// Each test starts the real `negiz` in a child process (about a second, more on a loaded machine).
export default defineProject({ test: { name: 'cli', include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
