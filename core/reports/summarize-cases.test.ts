import { describe, expect, it } from 'vitest';
import { countCaseVisits } from './summarize-cases.ts';
import type { ReportCase } from './types.ts';

const base: ReportCase = {
  number: 'X',
  intakePoint: 'general-window',
  acceptedOn: '2026-03-02',
  completedOn: '2026-03-02',
  bundleId: null,
  plan: null,
  matterVisits: [],
};

describe('countCaseVisits', () => {
  it('counts a window acceptance as one visit even for a matter needing none', () => {
    expect(countCaseVisits({ ...base, matterVisits: [0] })).toBe(1);
    expect(countCaseVisits({ ...base, intakePoint: 'department-window', matterVisits: [] })).toBe(1);
  });

  it('takes the most demanding matter of a bundle, not the sum: one trip serves them all', () => {
    expect(countCaseVisits({ ...base, matterVisits: [1, 2, 1] })).toBe(2);
    expect(countCaseVisits({ ...base, intakePoint: 'online', matterVisits: [0, 1, 0] })).toBe(1);
    expect(countCaseVisits({ ...base, intakePoint: 'online', matterVisits: [0, 0] })).toBe(0);
  });

  it('prefers the visits the hall recorded', () => {
    expect(countCaseVisits({ ...base, intakePoint: 'online', matterVisits: [0], visits: 2 })).toBe(2);
    expect(() => countCaseVisits({ ...base, visits: -1 })).toThrow(RangeError);
  });
});
