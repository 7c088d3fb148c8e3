/**
 * 口令散列: PBKDF2-HMAC-SHA256 through WebCrypto, stored as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
 * 100 000 iterations is the most workerd allows (it refuses more), 16 random bytes of salt, 32 bytes of hash.
 * Node's crypto.pbkdf2Sync(password, salt, 100000, 32, 'sha256') gives the same bytes (scripts/seed-local.ts uses it).
 * The iteration count is stored with each hash, so a later change does not strand existing accounts.
 */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const SCHEME = 'pbkdf2-sha256';

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array | undefined => {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
};

const derive = async (password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> => {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, HASH_BYTES * 8);
  return new Uint8Array(bits);
};

/** The stored form of a password, with a fresh salt. */
export const hashPassword = async (password: string, iterations = PBKDF2_ITERATIONS): Promise<string> => {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
};

/** Whether the password matches the stored hash (a malformed stored hash matches nothing). Compares in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, iterationsText, saltText, hashText, ...rest] = stored.split('$');
  const iterations = Number(iterationsText);
  if (scheme !== SCHEME || rest.length > 0 || !Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
  const salt = fromBase64(saltText ?? '');
  const expected = fromBase64(hashText ?? '');
  if (!salt || !expected || expected.length !== HASH_BYTES) return false;
  const actual = await derive(password, salt, iterations);
  let difference = 0;
  for (let i = 0; i < HASH_BYTES; i += 1) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
};

/**
 * A well-formed hash of no password anyone knows: sign-in checks against it when the user name is unknown, so an
 * unknown name takes as long as a wrong password and names cannot be found by timing.
 */
export const DECOY_PASSWORD_HASH = `${SCHEME}$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
