import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'mocks', include: ['test/**/*.test.ts', 'services/**/*.test.ts'] } });
