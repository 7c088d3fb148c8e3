/**
 * ISO/IEC 7064 MOD 37,36 (GB/T 17710), the hybrid system with M = 36 and M + 1 = 37 over the alphabet 0-9A-Z:
 * one check character that catches every single-character substitution. GB/T 36904 uses it for the last segment
 * of a certificate identifier (校验位).
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** Value 0..35 of an alphabet character, or -1. */
const valueOf = (code: number): number => {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  return -1;
};

/**
 * The check character for `text` (characters 0-9A-Z only, uppercase). Throws RangeError on anything else:
 * callers pass text they already shaped, so another character is a programming error.
 *
 * Hybrid recursion: P₁ = M; for each character, S = (P + value) mod M, read as M when 0; P = 2S mod (M + 1).
 * The check character is the one whose value a makes (P + a) mod M = 1.
 */
export const computeMod3736Check = (text: string): string => {
  let p = M;
  for (let i = 0; i < text.length; i++) {
    const value = valueOf(text.charCodeAt(i));
    if (value < 0) throw new RangeError(`MOD 37,36 takes 0-9 and A-Z only: ${JSON.stringify(text[i])} at ${i}`);
    const s = (p + value) % M || M;
    p = (2 * s) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M]!;
};
