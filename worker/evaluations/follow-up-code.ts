/**
 * 追评码: how the citizen who gave an on-site ticket a 差评 identifies for the one follow-up rating. A case's
 * citizen has the case's query code; a ticket has nothing lasting (tickets are gone after a day, and the phone
 * is optional and never returned), so the 差评 reply carries a fresh code, printed by the window pad or kiosk
 * or sent by SMS. 16 Crockford base-32 characters (80 bits: unguessable, unlike a six-digit code nobody rate
 * limits yet), shown in groups of four; only its SHA-256 is stored.
 */

/** Crockford's base 32: no I, L, O or U, so it reads aloud and types without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

/** A fresh code, e.g. `7K3M-Q9TX-2WHC-R4PA`. */
export const drawFollowUpCode = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let code = '';
  // 256 is a multiple of 32: each byte's low five bits are uniform.
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code.match(/.{4}/g)!.join('-');
};

/**
 * The code as typed, in its one spelling: case, spaces and hyphens ignored; I and L read as 1, O as 0 (Crockford).
 * Anything else passes unchanged and simply matches nothing.
 */
export const normaliseFollowUpCode = (text: string): string => {
  const compact = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return compact.length === LENGTH ? compact.match(/.{4}/g)!.join('-') : compact;
};
