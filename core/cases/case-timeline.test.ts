import { describe, expect, it } from 'vitest';
import { localTime } from '../hall/local-day.ts';
import { GENESIS_HASH } from './audit-chain.ts';
import { describeCaseTimeline } from './case-timeline.ts';
import type { CaseEventRecord, CaseEventType } from './types.ts';

const PERSONAL = {
  applicantName: '王小明',
  name: '王小明',
  idNumber: '11010519491231002X',
  residentId: '11010519491231002X',
  phone: '13912345678',
  mobile: '13912345678',
  address: '萧山区市心中路123号',
  applicant: { name: '王小明', idNumber: '11010519491231002X', phone: '13912345678' },
};

let seq = 0;
const event = (type: CaseEventType, payload: Record<string, unknown>, at = localTime(2026, 3, 2, 9, 15)): CaseEventRecord => ({
  caseNumber: 'XS-260302-0001-5',
  seq: ++seq,
  type,
  at,
  actor: 'reviewer:13912345678',
  payload: { ...PERSONAL, ...payload },
  prevHash: GENESIS_HASH,
  hash: GENESIS_HASH,
});

const EVENTS: CaseEventRecord[] = [
  event('case-registered', {}),
  event('notice-issued', { reason: '王小明的身份证复印件不清晰', materialIds: ['m-1'] }),
  event('correction-received', {}),
  event('case-accepted', { dueOn: '2026-03-30' }),
  event('task-released', { departmentId: 'scjg', matterCode: 'M-FOOD-01', matterName: '食品经营许可（新办）', dueOn: '2026-03-30' }),
  event('task-claimed', { departmentId: 'scjg' }),
  event('task-suspended', { departmentId: 'scjg', suspension: 'inspection', reason: '王小明的经营场所待查' }),
  event('task-resumed', { departmentId: 'scjg', dueOn: '2026-04-03' }),
  event('task-correction-requested', { departmentId: 'scjg', reason: '13912345678 联系人不符' }),
  event('task-approved', { departmentId: 'scjg', note: '王小明' }),
  event('task-rejected', { departmentId: 'xf', reason: '王小明未整改消防通道' }),
  event('task-withdrawn', { departmentId: 'yc', reason: '前置事项未通过' }),
  event('case-completed', {}, localTime(2026, 4, 3, 23, 59)),
];

const DEPARTMENTS: Record<string, string> = { scjg: '市场监管局', xf: '消防救援大队', yc: '烟草专卖局' };
const timeline = describeCaseTimeline(EVENTS, { departmentName: (id) => DEPARTMENTS[id] });

describe('describeCaseTimeline', () => {
  it('labels every event in Chinese first, with an English label and the Beijing date', () => {
    expect(timeline.map((e) => e.label)).toEqual([
      '已登记',
      '需补正材料（已出具一次性告知书）',
      '已收到补正材料',
      '已受理',
      '已分送市场监管局审批',
      '市场监管局审查中',
      '暂停计时（现场核查）',
      '恢复计时',
      '需补正材料（市场监管局）',
      '市场监管局审批通过',
      '消防救援大队审批未通过',
      '不再办理（前置事项未通过）',
      '办结',
    ]);
    expect(timeline[6]!.labelEn).toBe('Clock suspended (site inspection)');
    expect(timeline.every((e) => e.labelEn.length > 0 && (e.date === '2026-03-02' || e.type === 'case-completed'))).toBe(true);
    // 23:59 in Beijing is 15:59 UTC: still the same Beijing day.
    expect(timeline[12]!.date).toBe('2026-04-03');
  });

  it('carries only whitelisted fields: department, matter, due date, suspension category', () => {
    expect(timeline[4]).toEqual({
      seq: 5,
      type: 'task-released',
      date: '2026-03-02',
      label: '已分送市场监管局审批',
      labelEn: 'Sent to 市场监管局 for review',
      departmentId: 'scjg',
      matterCode: 'M-FOOD-01',
      matterName: '食品经营许可（新办）',
      dueOn: '2026-03-30',
    });
    expect(timeline[6]).toMatchObject({ suspension: 'inspection', departmentId: 'scjg' });
    const allowed = new Set(['seq', 'type', 'date', 'label', 'labelEn', 'departmentId', 'matterCode', 'matterName', 'dueOn', 'suspension']);
    for (const entry of timeline) for (const key of Object.keys(entry)) expect(allowed.has(key), key).toBe(true);
  });

  it('shows no personal data: no name, ID number, phone, address, free-text reason or actor', () => {
    const text = JSON.stringify(timeline);
    for (const secret of ['王小明', '11010519491231002X', '13912345678', '市心中路', '经营场所', '不清晰', '整改', 'reviewer']) {
      expect(text).not.toContain(secret);
    }
  });

  it('drops whitelisted keys whose values are not of their shape', () => {
    const [entry] = describeCaseTimeline([
      {
        ...EVENTS[4]!,
        payload: {
          departmentId: '王小明 13912345678',
          matterCode: { name: '王小明' },
          matterName: '王小明 11010519491231002X',
          dueOn: '13912345678',
        },
      },
    ]);
    expect(entry).toEqual({
      seq: 5,
      type: 'task-released',
      date: '2026-03-02',
      label: '已分送审批部门审批',
      labelEn: 'Sent to the department for review',
    });
  });

  it('reads the suspension category only as a known code', () => {
    const [entry] = describeCaseTimeline([{ ...EVENTS[6]!, payload: { suspension: '王小明要求暂停' } }]);
    expect(entry).toMatchObject({ label: '暂停计时', labelEn: 'Clock suspended' });
    expect(entry).not.toHaveProperty('suspension');
  });

  it('shows a due date pending the next year’s schedule as dueAfter, only when no dueOn is given and only as a date', () => {
    const pending = describeCaseTimeline([{ ...EVENTS[3]!, payload: { dueAfter: '2026-12-31' } }]);
    expect(pending[0]).toMatchObject({ type: 'case-accepted', dueAfter: '2026-12-31' });
    expect(pending[0]).not.toHaveProperty('dueOn');
    const both = describeCaseTimeline([{ ...EVENTS[3]!, payload: { dueOn: '2027-01-15', dueAfter: '2026-12-31' } }]);
    expect(both[0]).toMatchObject({ dueOn: '2027-01-15' });
    expect(both[0]).not.toHaveProperty('dueAfter');
    const junk = describeCaseTimeline([{ ...EVENTS[3]!, payload: { dueAfter: '王小明 13912345678' } }]);
    expect(junk[0]).not.toHaveProperty('dueAfter');
  });

  it('orders by seq and skips events of an unknown type', () => {
    const odd = { ...EVENTS[0]!, seq: 99, type: 'applicant-called' as CaseEventType };
    const entries = describeCaseTimeline([EVENTS[3]!, odd, EVENTS[0]!]);
    expect(entries.map((e) => e.seq)).toEqual([1, 4]);
  });

  it('falls back to generic labels without a department lookup', () => {
    const entries = describeCaseTimeline(EVENTS.slice(4, 6));
    expect(entries.map((e) => e.label)).toEqual(['已分送审批部门审批', '审查中']);
    expect(entries[1]!.labelEn).toBe('Under review');
  });
});
