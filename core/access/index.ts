export * from './roles.ts';
export * from './access-policy.ts';
export * from './token-bucket.ts';
export * from './api-key-text.ts';
