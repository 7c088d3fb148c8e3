import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf, on, openRectification, valueOf } from './evaluation-fixture.ts';
import {
  closeRectification,
  decideAppeal,
  fileAppeal,
  isRectificationFinal,
  recordContact,
  recordFollowUp,
  recordReply,
} from './rectification-lifecycle.ts';
import type { Rectification } from './types.ts';

const DEPT = 'department:scjg';
const opened = openRectification();
const contacted = valueOf(recordContact(opened, { by: DEPT, note: '电话联系，已道歉' }, on(10, 8, 9)));
const replied = valueOf(recordReply(contacted, { by: DEPT, text: '已对窗口人员批评教育并调整取件流程' }, on(10, 20)));
const appealed = valueOf(fileAppeal(opened, { by: DEPT, reason: '评价人与办件无关，恶意差评' }, on(10, 8)));

describe('the rectification path', () => {
  it('goes opened → contacted → replied → followed-up, each step dated in Beijing time', () => {
    expect(contacted).toMatchObject({
      status: 'contacted',
      contact: { at: on(10, 8, 9), on: '2026-10-08', by: DEPT, note: '电话联系，已道歉' },
    });
    expect(replied).toMatchObject({ status: 'replied', reply: { on: '2026-10-20', text: '已对窗口人员批评教育并调整取件流程' } });
    const followed = valueOf(recordFollowUp(replied, { level: 4, comment: '态度有改进' }, on(10, 21)));
    expect(followed).toMatchObject({
      status: 'followed-up',
      followUp: { on: '2026-10-21', by: 'citizen', level: 4, comment: '态度有改进' },
    });
    expect(isRectificationFinal(followed.status)).toBe(true);
  });

  it('takes one follow-up evaluation only', () => {
    const followed = valueOf(recordFollowUp(replied, { level: 4 }, on(10, 21)));
    expect(recordFollowUp(followed, { level: 5 }, on(10, 22))).toEqual({
      ok: false,
      error: {
        code: 'RECTIFICATION_STATE_CONFLICT',
        details: { evaluationId: opened.evaluationId, status: 'followed-up', step: 'follow-up' },
      },
    });
  });

  it('keeps the order: no reply before contact, no follow-up before the reply, no step twice', () => {
    expect(codeOf(recordReply(opened, { by: DEPT, text: '已整改' }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(recordFollowUp(opened, { level: 5 }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(recordFollowUp(contacted, { level: 5 }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(recordContact(contacted, { by: DEPT }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(recordReply(replied, { by: DEPT, text: '再次答复' }, on(10, 21)))).toBe('RECTIFICATION_STATE_CONFLICT');
  });

  it('closes a replied rectification without a follow-up, after which nothing changes', () => {
    expect(codeOf(closeRectification(contacted, { by: 'staff:7' }, on(10, 30)))).toBe('RECTIFICATION_STATE_CONFLICT');
    const closed = valueOf(closeRectification(replied, { by: 'staff:7' }, on(10, 30)));
    expect(closed).toMatchObject({ status: 'closed', closed: { on: '2026-10-30', by: 'staff:7', reason: 'no-follow-up' } });
    expect(codeOf(recordFollowUp(closed, { level: 5 }, on(11, 2)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(fileAppeal(closed, { by: DEPT, reason: '恶意差评' }, on(11, 2)))).toBe('RECTIFICATION_STATE_CONFLICT');
  });

  it('refuses a blank reply, an unknown actor and a bad follow-up level with INVALID_INPUT', () => {
    expect(codeOf(recordReply(contacted, { by: DEPT, text: '  ' }, on(10, 9)))).toBe('INVALID_INPUT');
    expect(codeOf(recordContact(opened, { by: ' ' }, on(10, 8)))).toBe('INVALID_INPUT');
    expect(codeOf(recordFollowUp(replied, { level: 0 as 1 }, on(10, 21)))).toBe('INVALID_INPUT');
  });
});

describe('the appeal path (申诉)', () => {
  it('files an appeal with its reason beside the progress', () => {
    expect(appealed).toMatchObject({
      status: 'opened',
      appeal: { status: 'pending', reason: '评价人与办件无关，恶意差评', filed: { on: '2026-10-08', by: DEPT } },
    });
  });

  it('upheld: closes the rectification where it stood', () => {
    const upheld = valueOf(decideAppeal(appealed, { upheld: true, by: 'staff:supervisor', reason: '核实为恶意评价' }, on(10, 9)));
    expect(upheld).toMatchObject({
      status: 'closed',
      closed: { on: '2026-10-09', reason: 'appeal-upheld' },
      appeal: { status: 'upheld', decided: { on: '2026-10-09', by: 'staff:supervisor', reason: '核实为恶意评价' } },
    });
    expect(codeOf(recordContact(upheld, { by: DEPT }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
  });

  it('rejected: the rectification continues with its deadlines, and no second appeal is taken', () => {
    const rejected = valueOf(decideAppeal(appealed, { upheld: false, by: 'staff:supervisor', reason: '评价属实' }, on(10, 9)));
    expect(rejected).toMatchObject({ status: 'opened', appeal: { status: 'rejected' } });
    expect(rejected.contactDue).toEqual(opened.contactDue);
    expect(rejected.replyDue).toEqual(opened.replyDue);
    expect(codeOf(recordContact(rejected, { by: DEPT }, on(10, 9)))).toBe('ok');
    expect(codeOf(fileAppeal(rejected, { by: DEPT, reason: '再次申诉' }, on(10, 9)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(decideAppeal(rejected, { upheld: true, by: 'staff:s', reason: '改判' }, on(10, 9)))).toBe(
      'RECTIFICATION_STATE_CONFLICT',
    );
  });

  it('while pending, lets the department work but holds the follow-up and the closing', () => {
    const inProgress = valueOf(fileAppeal(contacted, { by: DEPT, reason: '恶意差评' }, on(10, 9)));
    const repliedDuringAppeal = valueOf(recordReply(inProgress, { by: DEPT, text: '已答复' }, on(10, 12)));
    expect(repliedDuringAppeal).toMatchObject({ status: 'replied', appeal: { status: 'pending' } });
    expect(codeOf(recordFollowUp(repliedDuringAppeal, { level: 3 }, on(10, 13)))).toBe('RECTIFICATION_STATE_CONFLICT');
    expect(codeOf(closeRectification(repliedDuringAppeal, { by: 'staff:7' }, on(10, 13)))).toBe('RECTIFICATION_STATE_CONFLICT');
  });

  it('refuses a decision without a pending appeal, and a decision without a reason', () => {
    expect(codeOf(decideAppeal(opened, { upheld: true, by: 'staff:s', reason: '恶意' }, on(10, 9)))).toBe(
      'RECTIFICATION_STATE_CONFLICT',
    );
    expect(codeOf(decideAppeal(appealed, { upheld: true, by: 'staff:s', reason: '' }, on(10, 9)))).toBe('INVALID_INPUT');
    expect(codeOf(fileAppeal(opened, { by: DEPT, reason: '' }, on(10, 9)))).toBe('INVALID_INPUT');
  });
});

/** Any sequence of commands, each tried whatever the state: the machine's rules hold after every one. */
type Command = (r: Rectification, now: number) => ReturnType<typeof recordContact>;
const COMMANDS: Record<string, Command> = {
  contact: (r, now) => recordContact(r, { by: DEPT }, now),
  reply: (r, now) => recordReply(r, { by: DEPT, text: '已整改' }, now),
  followUp: (r, now) => recordFollowUp(r, { level: 4 }, now),
  close: (r, now) => closeRectification(r, { by: 'staff:7' }, now),
  appeal: (r, now) => fileAppeal(r, { by: DEPT, reason: '恶意差评' }, now),
  uphold: (r, now) => decideAppeal(r, { upheld: true, by: 'staff:s', reason: '成立' }, now),
  reject: (r, now) => decideAppeal(r, { upheld: false, by: 'staff:s', reason: '不成立' }, now),
};

describe('rectification state machine properties', () => {
  it('never changes a final rectification, never ends with an appeal pending, never takes two follow-ups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.keys(COMMANDS)), { maxLength: 12 }), (names) => {
        let r = openRectification();
        let followUps = 0;
        for (const [i, name] of names.entries()) {
          const wasFinal = isRectificationFinal(r.status);
          const before = JSON.stringify(r);
          const next = COMMANDS[name]!(r, on(10, 8) + i * 60_000);
          expect(JSON.stringify(r)).toBe(before); // the input is never changed
          if (!next.ok) {
            expect(next.error.code).toBe('RECTIFICATION_STATE_CONFLICT');
            continue;
          }
          expect(wasFinal).toBe(false);
          if (name === 'followUp') followUps++;
          r = next.value;
          if (isRectificationFinal(r.status)) expect(r.appeal?.status).not.toBe('pending');
          if (r.reply !== undefined) expect(r.contact).toBeDefined();
        }
        expect(followUps).toBeLessThanOrEqual(1);
      }),
    );
  });
});
