import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheck } from '../review/credit-code.ts';
import { computeResidentIdCheck } from '../review/resident-id.ts';
import { CYCLE_MARK, DEPTH_MARK, maskPersonalData } from './mask-personal-data.ts';
import { maskPersonalText } from './mask-personal-text.ts';

const ID = '33010919900307123' + computeResidentIdCheck('33010919900307123');
const CREDIT_CODE = '91330109MA2H3K4L5' + computeCreditCodeCheck('91330109MA2H3K4L5');

/** Arbitrary resident ID numbers: 17 digits and their GB 11643 check character (X included). */
const residentId = fc
  .stringMatching(/^[1-9]\d{16}$/)
  .map((body) => body + computeResidentIdCheck(body));
/** Arbitrary mainland mobiles, with and without +86. */
const mobile = fc
  .tuple(fc.constantFrom('', '+86', '86', '+86 '), fc.stringMatching(/^1[3-9]\d{9}$/))
  .map(([prefix, digits]) => ({ typed: prefix + digits, digits }));
/** Text around a secret that does not glue onto its digits (a letter, CJK or punctuation). */
const surrounding = fc.string({ maxLength: 12 }).map((text) => `：${text}：`);

describe('maskPersonalText', () => {
  it('masks a resident ID number anywhere in a message, X check character included', () => {
    expect(maskPersonalText(`申请人 ${ID} 的材料`)).toBe(`申请人 330109********${ID.slice(-4)} 的材料`);
    expect(maskPersonalText('/v1/applicants/11010519491231002X/materials')).toBe('/v1/applicants/110105********002X/materials');
  });

  it('masks mobiles with or without +86, spaces or dashes', () => {
    expect(maskPersonalText('call 13812345678 now')).toBe('call 138****5678 now');
    expect(maskPersonalText('tel:+8613812345678')).toBe('tel:138****5678');
    expect(maskPersonalText('138 1234 5678')).toBe('138****5678');
  });

  it('leaves case numbers, timestamps, UUIDs and landline-free text readable', () => {
    for (const text of ['XS-261127-0057-3', '1764316800000', '2026-11-28T07:22:54.000Z', 'b1c0a5e2-6f1d-4e5b-9c3a-2f7d8e9a0b1c']) {
      expect(maskPersonalText(text)).toBe(text);
    }
  });

  it('masks names given by key, in JSON text and in query strings', () => {
    expect(maskPersonalText('{"holderName":"张三丰","matterName":"食品经营许可"}')).toBe('{"holderName":"张**","matterName":"食品经营许可"}');
    expect(maskPersonalText('?name=%E5%BC%A0%E4%B8%89%E4%B8%B0&hall=xiaoshan')).toBe('?name=张**&hall=xiaoshan');
  });

  it('hides our credentials: API key secrets, staff tokens, webhook secrets, bearer values', () => {
    expect(maskPersonalText('key ow_abcdefghijk2_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 refused')).toBe('key ow_abcdefghijk2_*** refused');
    expect(maskPersonalText('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe('eyJ***');
    expect(maskPersonalText('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe('whsec_***');
    expect(maskPersonalText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer ***');
  });

  it('never lets an embedded ID number or mobile through, whatever surrounds it', () => {
    fc.assert(
      fc.property(surrounding, residentId, mobile, surrounding, (before, id, phone, after) => {
        const masked = maskPersonalText(`${before}${id}${after}${phone.typed}${after}`);
        expect(masked).not.toContain(id);
        expect(masked).not.toContain(id.slice(6, 14));
        expect(masked).not.toContain(phone.digits);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('is idempotent: masking masked text changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), residentId, mobile, (text, id, phone) => {
        const once = maskPersonalText(`${text} ${id} ${phone.typed} ${text}`);
        expect(maskPersonalText(once)).toBe(once);
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});

describe('maskPersonalData', () => {
  it('masks values under name, ID-number and phone keys, even mistyped ones', () => {
    expect(
      maskPersonalData({
        applicant: { kind: 'person', name: '张三丰', idNumber: '33010919900307', phone: 13812345678 },
        collector: { kind: 'agent', name: '李四', idNumber: ID },
        matterName: '食品经营许可',
        status: 'accepted',
      }),
    ).toEqual({
      applicant: { kind: 'person', name: '张**', idNumber: '**************', phone: '138****5678' },
      collector: { kind: 'agent', name: '李*', idNumber: `330109********${ID.slice(-4)}` },
      matterName: '食品经营许可',
      status: 'accepted',
    });
  });

  it('keeps a holder’s credit code (public) and masks a holder’s ID number', () => {
    expect(maskPersonalData({ holderCode: CREDIT_CODE })).toEqual({ holderCode: CREDIT_CODE });
    expect((maskPersonalData({ holderCode: ID }) as { holderCode: string }).holderCode).toBe(`330109********${ID.slice(-4)}`);
  });

  it('hides credentials under secret keys whatever their type', () => {
    expect(maskPersonalData({ password: 'hunter2', token: { a: 1 }, queryCode: 480913 })).toEqual({ password: '***', token: '***', queryCode: '***' });
  });

  it('survives cycles and hostile nesting', () => {
    const cyclic: Record<string, unknown> = { name: '王五' };
    cyclic.self = cyclic;
    expect(maskPersonalData(cyclic)).toEqual({ name: '王*', self: CYCLE_MARK });
    let deep: unknown = ID;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(maskPersonalData(deep))).toContain(DEPTH_MARK);
    expect(JSON.stringify(maskPersonalData(deep))).not.toContain(ID);
  });

  it('never throws and never leaves a planted ID number, mobile or name in any JSON value', () => {
    const planted = fc.record({ id: residentId, phone: mobile, name: fc.constantFrom('张三丰', '欧阳娜娜', '买买提·艾力') });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), planted, fc.constantFrom('name', 'applicantName', 'holderName', 'agentName', 'displayName'), (json, p, nameKey) => {
        const value = { data: json, [nameKey]: p.name, note: `证件 ${p.id}，电话 ${p.phone.typed}`, nested: [{ contact: { name: p.name, phone: p.phone.typed } }] };
        const text = JSON.stringify(maskPersonalData(value));
        expect(text).not.toContain(p.id);
        expect(text).not.toContain(p.phone.digits);
        expect(text).not.toContain(p.name);
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it('keeps the shape of what it masks: same keys, same array lengths', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (json) => {
        const masked = maskPersonalData(json);
        const keysOf = (v: unknown): unknown => (v && typeof v === 'object' ? (Array.isArray(v) ? v.map(keysOf) : Object.fromEntries(Object.entries(v).map(([k, c]) => [k, keysOf(c)]))) : 'scalar');
        expect(keysOf(masked)).toEqual(keysOf(json));
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});
