/** Masking personal data (ID numbers, phones, names) and credentials out of log lines. */
export { maskPersonalData, CYCLE_MARK, DEPTH_MARK, SECRET_MARK } from './mask-personal-data.ts';
export { maskPersonalText } from './mask-personal-text.ts';
