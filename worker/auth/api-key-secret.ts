import { API_KEY_RANDOM_BYTES, apiKeyFromBytes, formatApiKey } from '../../core/index.ts';

/** A fresh key: its text (shown once) and what is stored (the id and the secret's hash). */
export interface MintedApiKey {
  readonly id: string;
  readonly text: string;
  readonly secretHash: string;
}

const toHex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Lowercase hex SHA-256 of a key's secret. A plain hash (not PBKDF2) is enough and fast on the hot path: the
 * secret is 160 random bits, so there is nothing to guess from a leaked hash, unlike a password.
 */
export const hashApiKeySecret = async (secret: string): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));

/** Equal strings, in time that depends only on their lengths (hashes are of one fixed length). */
export const constantTimeEqual = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
};

/** A new random key (crypto.getRandomValues). */
export const mintApiKey = async (): Promise<MintedApiKey> => {
  const parts = apiKeyFromBytes(crypto.getRandomValues(new Uint8Array(API_KEY_RANDOM_BYTES)));
  return { id: parts.id, text: formatApiKey(parts), secretHash: await hashApiKeySecret(parts.secret) };
};
