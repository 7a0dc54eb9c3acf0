export * from './policy/model.ts';
export * from './policy/load.ts';
export * from './policy/decide.ts';
export * from './policy/matrix.ts';
export * from './identifiers.ts';
export * from './context.ts';
export * from './codes.ts';
export * from './refusal.ts';
