// node:crypto only here, in the test: the core itself never hashes; the worker uses WebCrypto.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAuditChain, describeEventForChain, GENESIS_HASH } from './audit-chain.ts';
import type { CaseEventRecord, CaseEventType } from './types.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hashOf = (event: Omit<CaseEventRecord, 'hash'>): string => sha256(describeEventForChain(event));

type Draft = Pick<CaseEventRecord, 'type' | 'actor' | 'payload'>;

/** Chains drafts the way the worker does: seq from 1, each prevHash the previous hash. */
const buildChain = (caseNumber: string, drafts: readonly Draft[], start = 1_772_413_200_000): CaseEventRecord[] => {
  const events: CaseEventRecord[] = [];
  let prevHash = GENESIS_HASH;
  drafts.forEach((draft, i) => {
    const unhashed = { caseNumber, seq: i + 1, at: start + i * 60_000, prevHash, ...draft };
    const event = { ...unhashed, hash: hashOf(unhashed) };
    events.push(event);
    prevHash = event.hash;
  });
  return events;
};

const verify = (events: readonly CaseEventRecord[]) => checkAuditChain(events, events.map(hashOf));

const DRAFTS: Draft[] = [
  { type: 'case-registered', actor: 'front-desk:w07', payload: { matters: ['a', 'b'], applicant: { name: '张三' } } },
  { type: 'case-accepted', actor: 'front-desk:w07', payload: { acceptedOn: '2026-03-02' } },
  { type: 'task-released', actor: 'system', payload: { departmentId: 'scjg', dueOn: '2026-03-30' } },
  { type: 'task-claimed', actor: 'reviewer:r1', payload: { taskId: 't1' } },
  { type: 'task-approved', actor: 'reviewer:r1', payload: { taskId: 't1', note: '准予许可', score: 0.1 + 0.2 } },
];
const chain = buildChain('XS-260302-0001-5', DRAFTS);

describe('describeEventForChain', () => {
  it('writes sorted keys at every level, no whitespace, numbers as JavaScript prints them', () => {
    const text = describeEventForChain({
      caseNumber: 'XS-260302-0001-5',
      seq: 1,
      type: 'case-registered',
      at: 1e21,
      actor: 'system',
      payload: { z: [3, { b: 1, a: -0 }], a: { y: 'é"\n', x: 1.5 }, skip: undefined, 10: true, 9: false },
      prevHash: GENESIS_HASH,
    });
    expect(text).toBe(
      `{"actor":"system","at":1e+21,"caseNumber":"XS-260302-0001-5","payload":{"10":true,"9":false,` +
        `"a":{"x":1.5,"y":"é\\"\\n"},"z":[3,{"a":0,"b":1}]},"prevHash":"${GENESIS_HASH}","seq":1,"type":"case-registered"}`,
    );
  });

  it('does not depend on key order in payloads', () => {
    const a = { ...chain[1]!, payload: { x: 1, nested: { p: 1, q: [1, 2] } } };
    const b = { ...chain[1]!, payload: { nested: { q: [1, 2], p: 1 }, x: 1 } };
    expect(describeEventForChain(a)).toBe(describeEventForChain(b));
  });

  it('never covers the hash field, even when given a full record', () => {
    const { hash, ...unhashed } = chain[0]!;
    expect(describeEventForChain(chain[0]!)).toBe(describeEventForChain(unhashed));
    expect(describeEventForChain(chain[0]!)).not.toContain(hash);
  });

  it('gives the same text after a JSON round trip, as rows read back from storage', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), (value, payload) => {
        const event = { ...chain[0]!, payload: { value, ...payload } };
        const stored = JSON.parse(JSON.stringify(event)) as CaseEventRecord;
        expect(describeEventForChain(stored)).toBe(describeEventForChain(event));
        const { hash: _, ...unhashed } = stored;
        expect(JSON.parse(describeEventForChain(event))).toEqual(unhashed);
      }),
    );
  });

  it('refuses payloads JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => describeEventForChain({ ...chain[0]!, payload: cyclic })).toThrow(TypeError);
    expect(() => describeEventForChain({ ...chain[0]!, payload: { n: 1n } })).toThrow(TypeError);
  });
});

describe('checkAuditChain', () => {
  it('accepts an untouched chain and reports its head', () => {
    expect(verify(chain)).toEqual({ intact: true, length: 5, head: chain[4]!.hash });
    expect(verify([])).toEqual({ intact: true, length: 0, head: GENESIS_HASH });
  });

  const edits: [string, (e: CaseEventRecord) => CaseEventRecord][] = [
    ['payload', (e) => ({ ...e, payload: { ...e.payload, extra: 1 } })],
    ['actor', (e) => ({ ...e, actor: 'reviewer:mallory' })],
    ['at', (e) => ({ ...e, at: e.at + 1 })],
    ['type', (e) => ({ ...e, type: (e.type === 'task-approved' ? 'task-rejected' : 'task-approved') as CaseEventType })],
  ];

  it.each(edits)('detects an edited %s in any event', (_, edit) => {
    for (let i = 0; i < chain.length; i++) {
      const tampered = chain.map((e, j) => (j === i ? edit(e) : e));
      expect(verify(tampered)).toEqual({ intact: false, brokenAt: i + 1, reason: 'hash-mismatch' });
    }
  });

  it('detects an edited event whose hash was recomputed, at the next link', () => {
    const tampered = chain.map((e, j) => {
      if (j !== 2) return e;
      const { hash: _, ...rest } = { ...e, payload: { departmentId: 'zjj' } };
      return { ...rest, hash: hashOf(rest) };
    });
    expect(verify(tampered)).toEqual({ intact: false, brokenAt: 4, reason: 'prev-hash-mismatch' });
  });

  it('detects a deleted event', () => {
    for (let i = 0; i < chain.length - 1; i++) {
      expect(verify(chain.filter((_, j) => j !== i)).intact).toBe(false);
    }
    // Cutting off the end leaves a valid prefix: only the head kept on the case row reveals it.
    const cut = verify(chain.slice(0, -1));
    expect(cut.intact && cut.head).not.toBe(chain[4]!.hash);
  });

  it('detects reordered events', () => {
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verify(swapped)).toEqual({ intact: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('detects reordered events even with seq renumbered', () => {
    const swapped = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, chain[3]!, chain[4]!];
    expect(verify(swapped)).toEqual({ intact: false, brokenAt: 2, reason: 'prev-hash-mismatch' });
  });

  it('detects an inserted event, even one hashed and linked by the forger', () => {
    const forged = { ...chain[1]!, seq: 3, type: 'task-rejected' as const, prevHash: chain[1]!.hash };
    const inserted = { ...forged, hash: hashOf(forged) };
    const tampered = [chain[0]!, chain[1]!, inserted, ...chain.slice(2)];
    expect(verify(tampered)).toEqual({ intact: false, brokenAt: 4, reason: 'sequence-gap' });
  });

  it('detects an event of another case and a chain not starting at genesis', () => {
    const other = buildChain('XS-260302-0002-8', DRAFTS);
    expect(verify([chain[0]!, other[1]!, ...chain.slice(2)])).toEqual({ intact: false, brokenAt: 2, reason: 'wrong-case' });
    expect(verify(chain.slice(1).map((e, i) => ({ ...e, seq: i + 1 })))).toEqual({
      intact: false,
      brokenAt: 1,
      reason: 'prev-hash-mismatch',
    });
  });

  it('detects any random single-field edit of a random chain', () => {
    const draft = fc.record({
      type: fc.constantFrom<CaseEventType>('case-registered', 'task-claimed', 'task-approved', 'case-completed'),
      actor: fc.string({ maxLength: 8 }),
      payload: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    });
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(3), (drafts, pick, field) => {
        const events = buildChain('XS-260302-0003-1', drafts);
        expect(verify(events).intact).toBe(true);
        const i = pick % events.length;
        const e = events[i]!;
        const edited: CaseEventRecord = [
          { ...e, actor: `${e.actor}!` },
          { ...e, at: e.at - 1 },
          { ...e, payload: { ...e.payload, ['~added']: null } },
          { ...e, prevHash: sha256('x') },
        ][field]!;
        const verdict = verify(events.map((x, j) => (j === i ? edited : x)));
        expect(verdict).toMatchObject({ intact: false, brokenAt: i + 1 });
      }),
    );
  });
});
