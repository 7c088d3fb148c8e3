/**
 * Which object keys hold personal data, lower-cased so `applicantName`, `ApplicantName` and `applicantname`
 * match alike. Listed rather than guessed from a suffix: `matterName`, `departmentName` and `windowName` are
 * not about people and stay readable in logs.
 */

/** Keys whose value is a person's name (or an object about the person, such as a collector). */
export const NAME_KEYS: ReadonlySet<string> = new Set([
  'name',
  'fullname',
  'applicantname',
  'holdername',
  'agentname',
  'displayname',
  'collector',
  'contact',
  'contactname',
  'contactperson',
  'legalrepresentative',
  'recipient',
  'recipientname',
  'receivername',
  'staffname',
  'username',
]);

/** Keys whose value is a resident ID number, or a holder code that may be one. */
export const ID_NUMBER_KEYS: ReadonlySet<string> = new Set(['idnumber', 'residentid', 'idcard', 'holdercode']);

/** Keys whose value is a phone number. */
export const PHONE_KEYS: ReadonlySet<string> = new Set(['phone', 'mobile', 'phonenumber', 'contactphone', 'tel', 'telephone']);

/** Keys whose value is a credential: never worth a character in a log. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['password', 'secret', 'token', 'authorization', 'querycode', 'apikey']);

/** The name-like keys as a regular-expression alternation, longest first so `applicantName` wins over `name`. */
export const NAME_KEY_PATTERN = [...NAME_KEYS].sort((a, b) => b.length - a.length).join('|');
