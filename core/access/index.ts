export * from './roles.ts';
export * from './access-policy.ts';
