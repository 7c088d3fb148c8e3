/**
 * The audit hash chain of a case's events (办件留痕): each event's hash covers its fields and the previous
 * event's hash, so editing, deleting, inserting or reordering any event breaks every later link.
 *
 * hash(event) = lowercase hex SHA-256 of the UTF-8 bytes of describeEventForChain(event). The core never
 * hashes (no crypto here); the worker computes it with WebCrypto (`crypto.subtle.digest('SHA-256', …)`) and
 * this module checks the links.
 *
 * The chain is not keyed: whoever can rewrite every row can rebuild it. It proves integrity against a head
 * kept elsewhere (the case row's last hash, or a published daily digest); compare the verdict's `head` and
 * `length` with that anchor to catch events cut off the end.
 */
import type { AuditVerdict, CaseEventRecord } from './types.ts';

/** The previous hash of a case's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

type Boxed = { valueOf(): unknown };

/** Canonical JSON of one value, or undefined where JSON.stringify would omit it (undefined, functions, symbols). */
const canonicalize = (value: unknown, key: string, stack: Set<object>): string | undefined => {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = (v as Boxed).valueOf();
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'number':
      // Number.prototype.toString's shortest round-trip form (RFC 8785 §3.2.2.3); NaN and ±Infinity as null, as stored.
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'bigint':
      throw new TypeError('a bigint cannot be stored as JSON: convert it to a string before chaining');
    case 'object':
      break;
    default:
      return undefined;
  }
  const object = v as object;
  if (stack.has(object)) throw new TypeError('a cyclic payload cannot be stored as JSON');
  stack.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item, i) => canonicalize(item, String(i), stack) ?? 'null').join(',')}]`;
  } else {
    const parts: string[] = [];
    // Default sort: UTF-16 code units, as RFC 8785 says; own enumerable keys, as JSON.stringify takes them.
    for (const k of Object.keys(object).sort()) {
      const item = canonicalize((object as Record<string, unknown>)[k], k, stack);
      if (item !== undefined) parts.push(`${JSON.stringify(k)}:${item}`);
    }
    text = `{${parts.join(',')}}`;
  }
  stack.delete(object);
  return text;
};

/**
 * The text an event's hash is computed over: JSON of the event's fields `actor, at, caseNumber, payload,
 * prevHash, seq, type` (never `hash`, even when a full record is passed), keys sorted by UTF-16 code units at
 * every level, no whitespace, numbers as JavaScript prints them, keys with undefined values left out. For the
 * JSON values a payload holds this is RFC 8785 (JCS), so a verifier in any language can use a JCS library.
 * The text of an event read back from storage equals the text of the event as written, whatever the key order.
 * Throws TypeError on a payload JSON cannot hold (a bigint, a cycle): a caller's bug.
 */
export const describeEventForChain = (event: Omit<CaseEventRecord, 'hash'>): string => {
  const { actor, at, caseNumber, payload, prevHash, seq, type } = event;
  return canonicalize({ actor, at, caseNumber, payload, prevHash, seq, type }, '', new Set()) as string;
};

/**
 * Checks a case's events, ordered by seq, against the hashes the verifier recomputed (`recomputed[i]` for
 * `events[i]`, from describeEventForChain). Walks from the first event and reports the first break:
 * `wrong-case` (an event of another case), `sequence-gap` (seq is not 1, 2, 3 …: a deletion or reordering),
 * `prev-hash-mismatch` (the link to the previous event, or to GENESIS_HASH, is wrong), `hash-mismatch` (the
 * event's fields were edited after hashing). An empty chain is intact with head GENESIS_HASH.
 */
export const checkAuditChain = (events: readonly CaseEventRecord[], recomputed: readonly string[]): AuditVerdict => {
  let prev = GENESIS_HASH;
  const caseNumber = events[0]?.caseNumber;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const brokenAt = i + 1;
    if (event.caseNumber !== caseNumber) return { intact: false, brokenAt, reason: 'wrong-case' };
    if (event.seq !== brokenAt) return { intact: false, brokenAt, reason: 'sequence-gap' };
    if (event.prevHash !== prev) return { intact: false, brokenAt, reason: 'prev-hash-mismatch' };
    if (recomputed[i] !== event.hash) return { intact: false, brokenAt, reason: 'hash-mismatch' };
    prev = event.hash;
  }
  return { intact: true, length: events.length, head: prev };
};
