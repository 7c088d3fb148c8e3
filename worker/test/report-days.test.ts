import { evictDurableObject, reset, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeWaitPercentile } from '../../core/index.ts';
import { callNext, hallStub, openWindows, takeTicket, ticketAction } from './hall-helpers.ts';
import { listHallDays, setHallTime } from './report-helpers.ts';

const MIN = 60_000;

beforeEach(async () => {
  await reset();
});

/** Monday 23 November: three tickets, two served (waits 2 and 5 minutes, services 8 and 10), one left waiting. */
const playMonday = async () => {
  await setHallTime('2026-11-23T09:00');
  await openWindows(['1', '2']);
  const tickets = [await takeTicket(), await takeTicket(), await takeTicket()];
  await setHallTime('2026-11-23T09:02');
  await callNext('1');
  await setHallTime('2026-11-23T09:05');
  await callNext('2');
  await setHallTime('2026-11-23T09:10');
  await ticketAction(tickets[0]!.id, 'complete', { outcome: 'consultation_only' });
  await setHallTime('2026-11-23T09:15');
  await ticketAction(tickets[1]!.id, 'complete', { outcome: 'case_accepted' });
  return tickets;
};

describe('the hall keeps a durable record of each closed day', () => {
  it('writes the day at its midnight rollover and lists it with the live day', async () => {
    await playMonday();
    const live = await listHallDays('2026-11-01', '2026-11-30');
    expect(live).toEqual([expect.objectContaining({ date: '2026-11-23', taken: 3, served: 2, closed: false })]);

    await setHallTime('2026-11-24T08:00');
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    await takeTicket();
    const days = await listHallDays('2026-11-01', '2026-11-30');
    expect(days.map((d) => [d.date, d.taken, d.closed])).toEqual([
      ['2026-11-23', 3, true],
      ['2026-11-24', 1, false],
    ]);
    const monday = days[0]!;
    expect(monday).toMatchObject({ served: 2, calls: 2, expired: 1, waitCount: 2, waitSumMs: 7 * MIN, handlingCount: 2, handlingSumMs: 18 * MIN });
    // The histogram comes back whole: its p95 is that of the two waits.
    expect(computeWaitPercentile(Uint32Array.from(monday.waitHistogram), 0.95)).toBeGreaterThan(4 * MIN);
    expect(monday.waitHistogram.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('keeps the days past a restart and after the state has forgotten them', async () => {
    await playMonday();
    await setHallTime('2026-11-24T10:00');
    await takeTicket(); // the first command of the day rolls Monday over
    await setHallTime('2026-11-26T10:00');
    await takeTicket(); // Tuesday rolls over; the state now holds only Tuesday and Thursday
    await evictDurableObject(hallStub());
    await setHallTime('2026-11-26T11:00');
    const days = await listHallDays('2026-11-23', '2026-11-26');
    expect(days.map((d) => [d.date, d.taken, d.served, d.closed])).toEqual([
      ['2026-11-23', 3, 2, true],
      ['2026-11-24', 1, 0, true],
      ['2026-11-26', 1, 0, false],
    ]);
    // A range is a range: only the days inside it.
    expect((await listHallDays('2026-11-24', '2026-11-25')).map((d) => d.date)).toEqual(['2026-11-24']);
  });

  it('lists a closed day whose midnight alarm has not run yet', async () => {
    await playMonday();
    await setHallTime('2026-11-24T09:00');
    const days = await listHallDays('2026-11-23', '2026-11-24');
    // Monday is over (from the state rolled forward, not yet written); Tuesday has no event yet but is the live day.
    expect(days.map((d) => [d.date, d.taken, d.closed])).toEqual([
      ['2026-11-23', 3, true],
      ['2026-11-24', 0, false],
    ]);
  });

  it('answers HALL_NOT_FOUND for another hall', async () => {
    const result = await hallStub().listDayStats('nowhere', '2026-11-01', '2026-11-30');
    expect(result).toMatchObject({ ok: false, error: { code: 'HALL_NOT_FOUND' } });
  });
});
