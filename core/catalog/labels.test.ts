import { describe, expect, it } from 'vitest';
import {
  CASE_KIND_LABELS,
  MATERIAL_SOURCE_LABELS,
  MATTER_TYPE_LABELS,
  ONLINE_DEPTH_LABELS,
  RESULT_TYPE_LABELS,
  formatTimeLimit,
  formatVisits,
} from './labels.ts';

describe('formatTimeLimit', () => {
  it('writes working days as 个工作日', () => {
    expect(formatTimeLimit({ value: 20, unit: 'working_days' })).toBe('20个工作日');
  });

  it('writes calendar days as statutes do, with 日', () => {
    expect(formatTimeLimit({ value: 30, unit: 'calendar_days' })).toBe('30日');
  });

  it('writes on-the-spot limits as 即办', () => {
    expect(formatTimeLimit({ value: 0, unit: 'on_the_spot' })).toBe('即办');
  });

  it('adds the note only when asked', () => {
    const limit = { value: 0, unit: 'on_the_spot', note: '冷静期届满后' } as const;
    expect(formatTimeLimit(limit)).toBe('即办');
    expect(formatTimeLimit(limit, { withNote: true })).toBe('即办（冷静期届满后）');
  });
});

describe('code labels', () => {
  it('label the national codes', () => {
    expect(MATTER_TYPE_LABELS['01']).toBe('行政许可');
    expect(MATTER_TYPE_LABELS['20']).toBe('公共服务');
    expect(MATERIAL_SOURCE_LABELS['20']).toBe('政府部门核发');
    expect(RESULT_TYPE_LABELS['10']).toBe('证照');
    expect(CASE_KIND_LABELS.instant).toBe('即办件');
    expect(ONLINE_DEPTH_LABELS.IV).toContain('全程网办');
  });

  it('cover all eleven matter types with distinct labels', () => {
    const labels = Object.values(MATTER_TYPE_LABELS);
    expect(labels).toHaveLength(11);
    expect(new Set(labels).size).toBe(11);
  });

  it('say 零跑腿 for no visit', () => {
    expect(formatVisits(0)).toBe('0次（零跑腿）');
    expect(formatVisits(2)).toBe('2次');
  });
});
