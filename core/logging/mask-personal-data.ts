/**
 * Masks personal data in any JSON-like value before it is logged: values under name, ID-number and phone keys
 * are masked as such (even when mistyped, since a wrong ID number is still somebody's), credentials are
 * hidden, and every other string is searched for ID numbers, phones and credentials (maskPersonalText).
 * Pure and total: never throws, whatever it is given (cycles, getters that throw, huge nesting).
 */
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../review/mask.ts';
import { maskPersonalText } from './mask-personal-text.ts';
import { ID_NUMBER_KEYS, NAME_KEYS, PHONE_KEYS, SECRET_KEYS } from './personal-keys.ts';

/** Deeper than any reply we build; a hostile value nested further is cut rather than walked. */
const MAX_DEPTH = 32;
export const DEPTH_MARK = '[depth]';
export const CYCLE_MARK = '[cycle]';
export const SECRET_MARK = '***';

/** How a string under `key` is masked; a key of no interest leaves the text to maskPersonalText. */
const maskByKey = (key: string, text: string): string => {
  const lower = key.toLowerCase();
  if (SECRET_KEYS.has(lower)) return SECRET_MARK;
  if (NAME_KEYS.has(lower)) return maskName(text);
  // holderCode is a credit code (public, kept) or a resident ID (masked): maskCreditCode tells them apart.
  if (lower === 'holdercode') return maskCreditCode(text);
  if (ID_NUMBER_KEYS.has(lower)) return maskIdNumber(text);
  if (PHONE_KEYS.has(lower)) return maskPhone(text);
  return maskPersonalText(text);
};

const maskValue = (value: unknown, key: string | undefined, depth: number, seen: Set<object>): unknown => {
  if (typeof value === 'string') return key === undefined ? maskPersonalText(value) : maskByKey(key, value);
  if (typeof value === 'number' && key !== undefined) {
    // Numbers typed where an ID number or a phone belongs (a form sending 13812345678 as a number).
    const lower = key.toLowerCase();
    if (PHONE_KEYS.has(lower) || ID_NUMBER_KEYS.has(lower) || SECRET_KEYS.has(lower)) return maskByKey(key, String(value));
    return value;
  }
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? maskPersonalText(String(value)) : value;
  if (key !== undefined && SECRET_KEYS.has(key.toLowerCase())) return SECRET_MARK;
  if (depth >= MAX_DEPTH) return DEPTH_MARK;
  if (seen.has(value)) return CYCLE_MARK;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => maskValue(item, key, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) out[childKey] = maskValue(child, childKey, depth + 1, seen);
    return out;
  } catch {
    // A getter or proxy that throws: say so rather than fail the log line.
    return '[unreadable]';
  } finally {
    seen.delete(value);
  }
};

/**
 * A masked copy of `value` for logs. Array items inherit their key (`names: ['张三']` is not covered, but
 * `collector: [{ name }]` is, through the inner key). Objects come back as plain objects.
 */
export const maskPersonalData = (value: unknown): unknown => maskValue(value, undefined, 0, new Set());
