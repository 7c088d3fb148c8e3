/** Hashing and sealing with WebCrypto (the core never hashes: no platform globals there). */

const encoder = new TextEncoder();

const toHex = (bytes: ArrayBuffer): string => {
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export const sha256Hex = async (text: string): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/** Equal-length hex strings compared without an early exit (query codes are checked by their hash). */
export const equalHex = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

/**
 * JSON with object keys sorted at every level: two bodies that differ only in key order or whitespace are the
 * same request for the Idempotency-Key check.
 */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const deriveKey = async (secret: string, salt: string): Promise<CryptoKey> => {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode('onewindow idempotent reply') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
};

const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
};

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Encrypts `plain` (AES-256-GCM, a fresh 96-bit IV prefixed) under a key derived from `secret`: only a caller
 * holding the secret (the raw Idempotency-Key, stored nowhere) can read it back.
 */
export const sealText = async (secret: string, salt: string, plain: string): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(secret, salt);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plain)));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64(out);
};

/** Reverses sealText; throws when the secret or salt differ or the text was altered. */
export const openText = async (secret: string, salt: string, sealed: string): Promise<string> => {
  const bytes = fromBase64(sealed);
  const key = await deriveKey(secret, salt);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12));
  return new TextDecoder().decode(plain);
};
