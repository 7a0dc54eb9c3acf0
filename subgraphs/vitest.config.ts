import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'subgraphs', include: ['test/**/*.test.ts', 'services/**/*.test.ts'] } });
