/**
 * The case core's hot paths (issue 4): due-date computation, formal review of a typical case, planning a
 * 10-matter bundle. Baselines in the same run: a day-by-day loop over the same holiday data (what a hand-written
 * calendar does) and the `chinese-days` package's `findWorkday` (official data 2004-2026) for due dates.
 */
import chineseDays from 'chinese-days';
import { do_not_optimize, measure } from 'mitata';
import {
  addWorkingDays,
  buildChecklist,
  CHINA_SCHEDULES,
  createNaiveClock,
  computeCreditCodeCheck,
  computeDueDate,
  findBundle,
  findMatter,
  indexCatalog,
  loadChinaCalendar,
  planBundle,
  reviewCase,
  selectBundleMatters,
  type Bundle,
  type CatalogIndex,
  type LegalClock,
  type Matter,
  type Result,
  type ReviewInput,
  type SubmittedMaterial,
} from '../core/index.ts';
import type { BenchContext, BenchGroup } from './bench-types.ts';
import { createRandom } from './hall-prng.ts';
import { loadFixtures } from './load-fixtures.ts';

const DUE_TARGET = 1_000_000;
const REVIEW_TARGET_US = 20;
const PLAN_TARGET_US = 10;
const TODAY = '2026-03-02';

const mitataOptions = (smoke: boolean) =>
  smoke ? { min_samples: 1, max_samples: 2, min_cpu_time: 0, warmup_samples: 0 } : {};

/** Median time of one call of `work` in microseconds (`count` calls per sample). */
const measureMicros = async (smoke: boolean, count: number, work: () => void): Promise<number> => {
  const stats = await measure(work, mitataOptions(smoke));
  return stats.p50 / 1e3 / count;
};

const bundleOf = (index: CatalogIndex, id: string): Bundle => {
  const found = findBundle(index, id);
  if (!found.ok) throw new Error(`no bundle ${id}`);
  return found.value;
};

const codeOf = (bundle: Bundle, key: string, alternative = 0): string =>
  bundle.members.find((m) => m.key === key)?.matterCodes[alternative] ?? `missing ${key}`;

/** Ten real matters in three stages: 开办餐饮店 + 企业开办 + 人防 members with their real dependencies. */
const buildTenMatterBundle = (index: CatalogIndex): Bundle => {
  const restaurant = bundleOf(index, 'open-restaurant');
  const company = bundleOf(index, 'start-company');
  const civil = bundleOf(index, 'civil-defence-works');
  const member = (key: string, code: string) => ({ key, matterCodes: [code] });
  return {
    id: 'bench-ten-matters',
    name: '十事项一件事（基准）',
    description: 'bench fixture',
    members: [
      member('registration', codeOf(restaurant, 'business-licence', 1)),
      member('food-licence', codeOf(restaurant, 'food-licence')),
      member('signboard', codeOf(restaurant, 'signboard')),
      member('fire-safety', codeOf(restaurant, 'fire-safety')),
      member('tobacco-retail', codeOf(restaurant, 'tobacco-retail')),
      member('seal', codeOf(company, 'seal')),
      member('invoice', codeOf(company, 'invoice')),
      member('social-insurance', codeOf(company, 'social-insurance')),
      member('completion-filing', codeOf(civil, 'completion-filing')),
      member('peacetime-use', codeOf(civil, 'peacetime-use')),
    ],
    dependencies: [
      { from: 'registration', to: 'food-licence' },
      { from: 'registration', to: 'signboard' },
      { from: 'registration', to: 'tobacco-retail' },
      { from: 'registration', to: 'seal' },
      { from: 'registration', to: 'social-insurance' },
      { from: 'seal', to: 'invoice' },
      { from: 'completion-filing', to: 'peacetime-use' },
    ],
    jointInspections: [{ name: '消防和烟草联合踏勘', members: ['fire-safety', 'tobacco-retail'] }],
  };
};

const sameDate = (r: Result<string>, date: string): boolean => r.ok && r.value === date;

const measureDueDates = async (ctx: BenchContext): Promise<void> => {
  const cal = loadChinaCalendar();
  const loop = createNaiveClock(CHINA_SCHEDULES);
  const random = createRandom(4);
  // Starts over 2025-01-01 .. 2026-10-31 so a 20-working-day limit stays inside the data.
  const starts = Array.from({ length: 4096 }, () => {
    const day = Math.floor(random() * 668);
    return new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
  });
  const clocks: LegalClock[] = starts.map((startedOn, i) => ({
    startedOn,
    limit: { value: 20, unit: 'working_days' },
    suspensions: i % 4 === 0 ? [{ from: startedOn, to: startedOn, reason: 'inspection' }] : [],
  }));
  const plain = clocks.map((c) => ({ ...c, suspensions: [] }));
  const wrong = plain.filter((c) => {
    const ours = computeDueDate(cal, c, c.startedOn);
    const viaAdd = addWorkingDays(cal, c.startedOn, 20);
    return !ours.ok || !viaAdd.ok || !sameDate(loop.addWorkingDays(c.startedOn, 20), ours.value.dueOn) || viaAdd.value !== ours.value.dueOn ||
      chineseDays.findWorkday(20, c.startedOn) !== ours.value.dueOn;
  });
  ctx.check(wrong.length === 0, `due dates: ${wrong.length} of ${plain.length} disagree with the day loop or chinese-days`);

  const n = clocks.length;
  const rows: { subject: string; count: number; pass: () => void; targeted: boolean }[] = [
    { subject: 'onewindow computeDueDate', count: n, targeted: true, pass: () => { for (let i = 0; i < n; i++) do_not_optimize(computeDueDate(cal, clocks[i] as LegalClock, TODAY)); } },
    { subject: 'onewindow addWorkingDays', count: n, targeted: false, pass: () => { for (let i = 0; i < n; i++) do_not_optimize(addWorkingDays(cal, starts[i] as string, 20)); } },
    { subject: 'day-by-day loop (naive oracle)', count: n, targeted: false, pass: () => { for (let i = 0; i < n; i++) do_not_optimize(loop.addWorkingDays(starts[i] as string, 20)); } },
    // chinese-days parses with dayjs on every call: far slower, so it gets a slice of the starts.
    { subject: 'chinese-days findWorkday', count: 256, targeted: false, pass: () => { for (let i = 0; i < 256; i++) do_not_optimize(chineseDays.findWorkday(20, starts[i] as string)); } },
  ];
  for (const row of rows) {
    const us = await measureMicros(ctx.smoke, row.count, row.pass);
    const perSecond = 1e6 / us;
    ctx.record({
      subject: row.subject,
      metric: 'due dates (20 working days)',
      value: Math.round(perSecond),
      unit: '/s',
      ...(row.targeted ? { target: `≥ ${DUE_TARGET.toLocaleString('en-US')}/s`, met: perSecond >= DUE_TARGET } : {}),
      ...(row.subject.endsWith('computeDueDate') ? { note: 'a quarter of the clocks carry a suspension' } : {}),
    });
  }
};

/** 企业开办 for a company with every material handed in as asked: the typical front-desk case. */
const buildTypicalReview = (index: CatalogIndex, matters: readonly Matter[]): ReviewInput => {
  const checklist = buildChecklist(matters, [], TODAY);
  const submitted: SubmittedMaterial[] = checklist.items.map((item) => ({
    materialId: item.material.id,
    form: item.form === '2' ? 'electronic' : 'paper',
    originals: item.originals,
    copies: item.copies,
  }));
  const creditBody = '91330109MA2B3C4D5';
  return {
    checklist,
    matterCodes: matters.map((m) => m.code),
    acceptedHere: null,
    servedBy: new Map(matters.map((m) => [m.code, m.serviceObjects])),
    applicant: { kind: 'organisation', name: '杭州示例餐饮管理有限公司', creditCode: creditBody + computeCreditCodeCheck(creditBody), phone: '13812345678' },
    submitted,
    library: [],
    today: TODAY,
  };
};

const measureReviewAndPlan = async (ctx: BenchContext): Promise<void> => {
  const { catalog } = loadFixtures();
  const index = indexCatalog(catalog);
  const company = bundleOf(index, 'start-company');
  const selected = selectBundleMatters(company, index, {}, []);
  ctx.check(selected.ok, 'start-company members select');
  if (!selected.ok) return;
  const matters = [...selected.value.values()];
  const typical = buildTypicalReview(index, matters);
  const outcome = reviewCase(typical);
  ctx.check(outcome.status === 'accepted', `typical case reviews as accepted, got ${outcome.status}`);
  // The same case with four defects: a missing, an expired, a wrong-form material and a bad phone.
  const [first, second, third] = typical.submitted;
  const defective: ReviewInput = {
    ...typical,
    applicant: { ...typical.applicant, phone: '12345' },
    submitted: [
      ...(second ? [{ ...second, validUntil: '2026-01-01' }] : []),
      ...(third ? [{ ...third, form: third.form === 'paper' ? ('electronic' as const) : ('paper' as const), originals: 0, copies: 0 }] : []),
      ...typical.submitted.slice(3),
    ],
  };
  const notice = reviewCase(defective);
  ctx.check(notice.status === 'notice' && notice.defects.length >= 3, `defective case gets a notice with every defect (first: ${first?.materialId})`);
  ctx.detail('reviewedChecklistItems', typical.checklist.items.length);

  const ten = buildTenMatterBundle(index);
  const members = new Map<string, Matter>();
  for (const m of ten.members) {
    const found = findMatter(index, m.matterCodes[0] as string);
    if (found.ok) members.set(m.key, found.value);
  }
  ctx.check(members.size === 10, `10-matter bundle resolves ${members.size} matters`);
  const plan = planBundle(ten, members, [], TODAY);
  ctx.check(plan.tasks.length === 10 && plan.stages.length === 3, `10-matter plan: ${plan.tasks.length} tasks in ${plan.stages.length} stages`);

  const rows = [
    { subject: 'onewindow reviewCase', metric: `typical case (企业开办, ${typical.checklist.items.length} items), accepted`, target: REVIEW_TARGET_US, work: () => do_not_optimize(reviewCase(typical)) },
    { subject: 'onewindow reviewCase', metric: 'same case with 4 defects, one-time notice', target: REVIEW_TARGET_US, work: () => do_not_optimize(reviewCase(defective)) },
    { subject: 'onewindow planBundle', metric: '10-matter bundle, checklist included', target: PLAN_TARGET_US, work: () => do_not_optimize(planBundle(ten, members, [], TODAY)) },
  ];
  for (const row of rows) {
    const us = await measureMicros(ctx.smoke, 1, row.work);
    ctx.record({ subject: row.subject, metric: row.metric, value: Number(us.toFixed(2)), unit: 'µs', target: `≤ ${row.target} µs`, met: us <= row.target });
  }
};

export const casesCoreGroup: BenchGroup = {
  name: 'cases-core',
  description: 'case core: due dates (vs a day loop and chinese-days), formal review, 10-matter bundle planning',
  async run(ctx) {
    await measureDueDates(ctx);
    await measureReviewAndPlan(ctx);
  },
};
