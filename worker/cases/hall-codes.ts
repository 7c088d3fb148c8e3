import { err, ok, type Result } from '../../core/index.ts';

/**
 * The letters that open a hall's case numbers (`XS-261128-0042-7`). Beside the hall configs in spirit, kept
 * here because only case numbers use them; a hall without a code cannot accept cases.
 */
const HALL_CODES: ReadonlyMap<string, string> = new Map([
  ['xiaoshan', 'XS'],
  ['binjiang', 'BJ'],
]);

/** The case-number code of a hall that accepts cases, or HALL_NOT_FOUND. */
export const findHallCode = (hallId: string): Result<string> => {
  const code = HALL_CODES.get(hallId);
  return code === undefined ? err('HALL_NOT_FOUND', { hall: hallId }) : ok(code);
};

/** The halls that accept cases, for the OpenAPI document. */
export const listCaseHallIds = (): string[] => [...HALL_CODES.keys()];
