/**
 * The one import surface of the pure core, for worker/, bench/ and the CLI.
 * Nothing here touches I/O, clocks, randomness or platform globals.
 */
export * from './result.ts';
export * from './errors.ts';
export type * from './catalog/types.ts';
export * from './catalog/labels.ts';
export * from './catalog/validate-catalog.ts';
export * from './catalog/xiaoshan-catalog.ts';
export * from './catalog/catalog-index.ts';
export * from './catalog/search/index.ts';
export * from './hall/index.ts';
export * from './clock/index.ts';
export * from './review/index.ts';
export * from './dispatch/index.ts';
export * from './cases/index.ts';
export * from './evaluation/index.ts';
export * from './reports/index.ts';
export * from './certificates/index.ts';
export * from './access/index.ts';
export * from './webhooks/index.ts';
export * from './logging/index.ts';
