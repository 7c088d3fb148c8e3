import { do_not_optimize, measure } from 'mitata';
import { findMatter, type CatalogDocument, type CatalogIndex, type Matter } from '../core/index.ts';
import type { BenchContext } from './bench-types.ts';

/** ≥ 10 million lookups a second: a lookup must never show up beside a search or a database read. */
export const LOOKUP_TARGET_PER_SECOND = 10_000_000;

/** The simple structure the index replaces, kept as the baseline: a scan, 实施编码 first, then 基本编码. */
const findMatterNaively = (matters: readonly Matter[], code: string): Matter | undefined =>
  matters.find((m) => m.code === code) ?? matters.find((m) => m.basicCode === code);

const mitataOptions = (smoke: boolean) =>
  smoke ? { min_samples: 1, max_samples: 2, min_cpu_time: 0, warmup_samples: 0 } : {};

/**
 * Lookups per second: `pass` looks up every code of a list of `count` once per mitata sample. The median
 * sample, not the mean: on a shared machine a few preempted samples would otherwise halve the figure.
 */
const measureRate = async (smoke: boolean, count: number, pass: () => void): Promise<number> => {
  const stats = await measure(pass, mitataOptions(smoke));
  return count / (stats.p50 / 1e9);
};

/** Every sample spread over the list, so a partial baseline still sees early and late codes. */
export const sampleEvenly = <T>(items: readonly T[], count: number): T[] => {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
};

export interface LookupPlan {
  /** Codes the naive scan gets (a scan of 100,000 matters per code is too slow to run over all of them). */
  readonly naiveSample: number;
  /** The ≥ 10 million/s target is set for the Xiaoshan catalog; other scales report the rate alone. */
  readonly withTarget: boolean;
}

/** Checks every answer first (a fast wrong lookup is worthless), then times ours beside the scan. */
export const measureLookups = async (
  ctx: BenchContext,
  catalog: CatalogDocument,
  index: CatalogIndex,
  plan: LookupPlan,
): Promise<void> => {
  const codes = catalog.matters.map((m) => m.code);
  const basicCodes = [...new Set(catalog.matters.map((m) => m.basicCode))];

  const wrongCode = codes.filter((c) => {
    const r = findMatter(index, c);
    return !r.ok || r.value.code !== c;
  });
  ctx.check(wrongCode.length === 0, `findMatter by 实施编码: ${wrongCode.length} of ${codes.length} not found`);
  const wrongBasic = basicCodes.filter((c) => {
    const r = findMatter(index, c);
    return !r.ok || r.value.basicCode !== c;
  });
  ctx.check(wrongBasic.length === 0, `findMatter by 基本编码: ${wrongBasic.length} of ${basicCodes.length} wrong`);
  ctx.check(!findMatter(index, 'NO-SUCH-CODE').ok, 'findMatter finds a code that does not exist');
  const naiveCodes = sampleEvenly(codes, plan.naiveSample);
  const naiveBasic = sampleEvenly(basicCodes, plan.naiveSample);
  ctx.check(
    naiveCodes.every((c) => findMatterNaively(catalog.matters, c)?.code === c),
    'naive baseline disagrees with the catalog',
  );

  const target = `≥ ${LOOKUP_TARGET_PER_SECOND.toLocaleString('en-US')}/s`;
  const sampleNote = (n: number, of: number) =>
    n < of ? `${n.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} codes` : undefined;
  const matters = catalog.matters;
  // One function literal per row keeps each loop's call site monomorphic, so the harness costs the same for all.
  const rows = [
    {
      subject: 'onewindow findMatter',
      metric: '实施编码 lookups',
      count: codes.length,
      total: codes.length,
      targeted: true,
      pass: () => {
        for (let i = 0; i < codes.length; i++) do_not_optimize(findMatter(index, codes[i] as string));
      },
    },
    {
      subject: 'onewindow findMatter',
      metric: '基本编码 lookups',
      count: basicCodes.length,
      total: basicCodes.length,
      targeted: true,
      pass: () => {
        for (let i = 0; i < basicCodes.length; i++) do_not_optimize(findMatter(index, basicCodes[i] as string));
      },
    },
    {
      subject: 'naive matters.find',
      metric: '实施编码 lookups',
      count: naiveCodes.length,
      total: codes.length,
      targeted: false,
      pass: () => {
        for (let i = 0; i < naiveCodes.length; i++) do_not_optimize(findMatterNaively(matters, naiveCodes[i] as string));
      },
    },
    {
      subject: 'naive matters.find',
      metric: '基本编码 lookups',
      count: naiveBasic.length,
      total: basicCodes.length,
      targeted: false,
      pass: () => {
        for (let i = 0; i < naiveBasic.length; i++) do_not_optimize(findMatterNaively(matters, naiveBasic[i] as string));
      },
    },
  ];
  for (const { subject, metric, count, total, targeted, pass } of rows) {
    const rate = await measureRate(ctx.smoke, count, pass);
    ctx.check(Number.isFinite(rate) && rate > 0, `${subject} ${metric}: rate not measured`);
    const note = sampleNote(count, total);
    const judged = targeted && plan.withTarget;
    ctx.record({
      subject,
      metric,
      value: rate,
      unit: '/s',
      ...(judged ? { target, met: rate >= LOOKUP_TARGET_PER_SECOND } : {}),
      ...(note ? { note } : {}),
    });
  }
};
