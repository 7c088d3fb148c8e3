import { err, ok, type Result } from '../result.ts';

/**
 * 接口密钥文本: `ow_<id>_<secret>`. The id (12 chars, 60 bits) names the key in lists, logs and its KeyGate; the
 * secret (32 chars, 160 bits) is never stored, only its SHA-256. Lowercase RFC 4648 base32 so the text survives
 * copy-paste, URLs, shells and case-folding systems, and the `ow_` prefix lets secret scanners find leaked keys.
 */
export const API_KEY_PREFIX = 'ow_';
export const API_KEY_ID_LENGTH = 12;
export const API_KEY_SECRET_LENGTH = 32;
export const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export interface ApiKeyParts {
  readonly id: string;
  readonly secret: string;
}

const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}([a-z2-7]{${API_KEY_ID_LENGTH}})_([a-z2-7]{${API_KEY_SECRET_LENGTH}})$`);

/** The key text for its parts. */
export const formatApiKey = (parts: ApiKeyParts): string => `${API_KEY_PREFIX}${parts.id}_${parts.secret}`;

/** The parts of a key text, or UNAUTHENTICATED with reason `key-malformed` (the text is a credential). */
export const parseApiKey = (text: string): Result<ApiKeyParts> => {
  const match = KEY_PATTERN.exec(text);
  return match ? ok({ id: match[1]!, secret: match[2]! }) : err('UNAUTHENTICATED', { reason: 'key-malformed' });
};

/**
 * A key's parts from random bytes (the caller draws them: core has no randomness). Each byte gives one base32
 * character from its low 5 bits; 256 is a multiple of 32, so every character is uniform.
 */
export const apiKeyFromBytes = (bytes: Uint8Array): ApiKeyParts => {
  const needed = API_KEY_ID_LENGTH + API_KEY_SECRET_LENGTH;
  if (bytes.length < needed) throw new RangeError(`apiKeyFromBytes needs ${needed} bytes`);
  const text = Array.from(bytes.subarray(0, needed), (byte) => BASE32_ALPHABET[byte & 31]).join('');
  return { id: text.slice(0, API_KEY_ID_LENGTH), secret: text.slice(API_KEY_ID_LENGTH) };
};

/** Bytes `apiKeyFromBytes` reads. */
export const API_KEY_RANDOM_BYTES = API_KEY_ID_LENGTH + API_KEY_SECRET_LENGTH;
