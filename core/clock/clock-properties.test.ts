import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../result.ts';
import { COMPILED_CLOCK as compiled, NAIVE_CLOCK as naive } from './clock-fixture.ts';
import { dayNumberOfCivil, formatDay } from './iso-date.ts';
import type { LegalClock, Suspension } from './types.ts';

const FIRST = dayNumberOfCivil(2024, 1, 1);
const LAST = dayNumberOfCivil(2026, 12, 31);

/** A date inside the data, or up to half a year either side of it. */
const anyDate = (margin = 0) => fc.integer({ min: FIRST - margin, max: LAST + margin }).map(formatDay);

/** Same answer, or the same error code (the oracle's error details are sparser). */
const expectSame = <T>(fast: Result<T>, slow: Result<T>): void => {
  if (fast.ok && slow.ok) expect(fast.value).toEqual(slow.value);
  else expect({ ok: fast.ok, code: fast.ok ? undefined : fast.error.code }).toEqual({
    ok: slow.ok,
    code: slow.ok ? undefined : slow.error.code,
  });
};

const suspensionAround = (start: number): fc.Arbitrary<Suspension> =>
  fc
    .record({ offset: fc.integer({ min: -10, max: 80 }), length: fc.integer({ min: 0, max: 20 }), open: fc.boolean() })
    .map(({ offset, length, open }) => {
      const from = formatDay(start + offset);
      return open ? { from, reason: 'other' } : { from, to: formatDay(start + offset + length), reason: 'inspection' };
    });

const anyClock: fc.Arbitrary<{ clock: LegalClock; asOf: string }> = fc
  .integer({ min: FIRST, max: LAST })
  .chain((start) =>
    fc.record({
      clock: fc.record({
        startedOn: fc.constant(formatDay(start)),
        limit: fc.record({
          value: fc.integer({ min: 0, max: 60 }),
          unit: fc.constantFrom('working_days' as const, 'calendar_days' as const, 'on_the_spot' as const),
        }),
        suspensions: fc.array(suspensionAround(start), { maxLength: 4 }),
      }),
      asOf: fc.integer({ min: start - 5, max: start + 90 }).map(formatDay),
    }),
  );

describe('the compiled calendar against its properties and the naive oracle', () => {
  it('counts back exactly the working days it added', () => {
    fc.assert(
      fc.property(anyDate(), fc.integer({ min: 0, max: 400 }), (from, n) => {
        const added = compiled.addWorkingDays(from, n);
        if (!added.ok) {
          expect(added.error).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } });
          return;
        }
        expect(compiled.countWorkingDays(from, added.value)).toEqual({ ok: true, value: n });
        expect(compiled.countWorkingDays(added.value, from)).toEqual({ ok: true, value: 0 - n });
        if (n > 0) expect(compiled.isWorkingDay(added.value)).toEqual({ ok: true, value: true });
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the oracle on working days, inside the data and past either end', () => {
    fc.assert(
      fc.property(anyDate(180), anyDate(180), fc.integer({ min: 0, max: 300 }), (a, b, n) => {
        expectSame(compiled.isWorkingDay(a), naive.isWorkingDay(a));
        expectSame(compiled.addWorkingDays(a, n), naive.addWorkingDays(a, n));
        expectSame(compiled.countWorkingDays(a, b), naive.countWorkingDays(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the oracle on due dates with any mix of suspensions', () => {
    fc.assert(
      fc.property(anyClock, ({ clock, asOf }) => {
        expectSame(compiled.computeDueDate(clock, asOf), naive.computeDueDate(clock, asOf));
      }),
      { numRuns: 3000 },
    );
  });
});
