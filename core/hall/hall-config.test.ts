import { describe, expect, it } from 'vitest';
import { computeNextAlarm } from './hall-alarm.ts';
import { createDriver, OPENING } from './hall-fixture.ts';
import { defineHallConfig, isWithinHours } from './hall-config.ts';
import { localTime } from './local-day.ts';

const windows = Array.from({ length: 29 }, (_, i) => ({ id: String(i + 1) }));

describe('defineHallConfig', () => {
  it('fills in the defaults', () => {
    const config = defineHallConfig({ hallId: 'xiaoshan', windows });
    expect(config.ok && config.value).toMatchObject({
      prefixes: { normal: 'A', priority: 'B', appointment: 'C' },
      priorityRatio: { normal: 2, priority: 1 },
      maxRecalls: 2,
      graceBeforeMs: 10 * 60_000,
      graceAfterMs: 15 * 60_000,
      serviceTimePriorMs: 8 * 60_000,
      hours: [],
    });
    expect(config.ok && config.value.windowNames.get('5')).toBe('5 号窗口');
  });

  it('rejects duplicate windows, clashing prefixes, a zero ratio and bad hours', () => {
    const bad = [
      { hallId: 'h', windows: [{ id: '1' }, { id: '1' }] },
      { hallId: 'h', windows, prefixes: { priority: 'A' } },
      { hallId: 'h', windows, priorityRatio: { normal: 2, priority: 0 } },
      { hallId: 'h', windows, hours: [{ from: '11:45', to: '08:30' }] },
      { hallId: 'h', windows: [] },
      { hallId: ' ', windows },
    ];
    for (const input of bad) expect(defineHallConfig(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('knows the hall hours as half-open spans', () => {
    const config = defineHallConfig({ hallId: 'h', windows, hours: [{ from: '08:30', to: '11:45' }] });
    if (!config.ok) throw new Error();
    expect(isWithinHours(config.value, 8 * 60 + 30)).toBe(true);
    expect(isWithinHours(config.value, 11 * 60 + 45)).toBe(false);
  });
});

describe('computeNextAlarm', () => {
  it('is null for an idle hall and the next midnight while anything is open', () => {
    const hall = createDriver();
    expect(computeNextAlarm(hall.state)).toBeNull();
    hall.run({ type: 'openWindow', windowId: '1' });
    expect(computeNextAlarm(hall.state)).toBe(localTime(2026, 3, 3));
    expect(OPENING).toBeLessThan(localTime(2026, 3, 3));
  });
});
