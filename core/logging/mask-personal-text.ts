/**
 * Masks personal data inside free text (error messages, stacks, paths, user agents) for logs: whatever a
 * person's ID number or phone is embedded in, the log keeps only what masking for 办件公示 keeps. Names cannot be
 * told from other words in free text, so they are masked only where a key says so (`name=…`, `"holderName":"…"`).
 */
import { maskIdNumber, maskName, maskPhone } from '../review/mask.ts';
import { NAME_KEY_PATTERN } from './personal-keys.ts';

/**
 * GB 11643 resident ID: 17 digits and a check character (digit or X), not part of a longer run of digits.
 * The checksum is not required: a mistyped ID number is still somebody's.
 */
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** Mainland mobile (1[3-9] and 9 more digits), with +86 / 86 and the spaces or dashes people type. */
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;

/** Our own credentials (worker/auth): API keys `ow_<id>_<secret>`, staff JWTs, webhook secrets. The id may stay. */
const API_KEY = /\b(ow_[a-z2-7]+_)[A-Za-z0-9]+/g;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const WEBHOOK_SECRET = /\bwhsec_[A-Za-z0-9+/=]+/g;
const BEARER = /\b(Bearer\s+)\S+/gi;

/** `"holderName": "张三丰"` as JSON quoted into a message. */
const QUOTED_NAME = new RegExp(`("(?:${NAME_KEY_PATTERN})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`, 'gi');
/** `name=张三丰` as in a query string or a form body quoted into a message. */
const PAIRED_NAME = new RegExp(`(?<![\\w])((?:${NAME_KEY_PATTERN})=)([^&#\\s]*)`, 'gi');

/** Query strings carry names percent-encoded; a malformed escape is masked as it stands. */
const decodeLoosely = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** Masks every ID number, mobile number, credential and keyed name in `text`; other text is left as it is. */
export const maskPersonalText = (text: string): string =>
  text
    .replace(BEARER, '$1***')
    .replace(JWT, 'eyJ***')
    .replace(API_KEY, '$1***')
    .replace(WEBHOOK_SECRET, 'whsec_***')
    .replace(QUOTED_NAME, (_, head: string, name: string) => `${head}${maskName(name)}"`)
    .replace(PAIRED_NAME, (_, head: string, name: string) => head + maskName(decodeLoosely(name)))
    .replace(RESIDENT_ID, (id) => maskIdNumber(id))
    .replace(MOBILE, (phone) => maskPhone(phone));
