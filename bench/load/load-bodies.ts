/**
 * Request bodies of the mix, built from the catalog the worker serves (through core/index.ts), so every intake
 * is complete and accepted (状态 in-review) the way worker/test/case-helpers.ts builds them: every checklist item
 * handed in as the checklist asks. Applicants differ per intake (their own credit code or ID number), as in a
 * hall, so the applicant table grows as it would.
 */
import {
  buildChecklist,
  computeCreditCodeCheck,
  computeResidentIdCheck,
  findBundle,
  indexCatalog,
  localDateOf,
  selectBundleMatters,
  type Matter,
} from '../../core/index.ts';
import { loadFixtures } from '../load-fixtures.ts';

/** Single matters taken at the window: common ones, of four departments, for a person or a company. */
const SINGLE_MATTERS = ['食品经营许可（新办）', '个体工商户设立登记', '医师执业注册', '烟草专卖零售许可证核发'] as const;

/** 开办餐饮店一件事, the licence as a limited company (the member that offers a choice). */
const BUNDLE = { id: 'open-restaurant', choices: { 'business-licence': '511A0064100070' } } as const;

export interface IntakeKind {
  readonly label: string;
  /** Departments its tasks go to (a bundle's later stages included), for placing reviewers. */
  readonly departments: readonly string[];
  /** The body for the n-th intake of the run. */
  body(n: number, hall: string): Record<string, unknown>;
}

const materialsFor = (matters: readonly Matter[], today: string) =>
  buildChecklist(matters, [], today).items
    .filter((item) => item.reusedFrom === undefined)
    .map((item) => ({ materialId: item.material.id, form: item.form === '2' ? 'electronic' : 'paper', originals: item.originals, copies: item.copies }));

/** A 17-character body made unique by n, with its check character: a different applicant per intake. */
const creditCode = (n: number) => {
  const body = `91330109MA${String(n % 10_000_000).padStart(7, '0')}`;
  return body + computeCreditCodeCheck(body);
};
const residentId = (n: number) => {
  const body = `330109199${n % 10}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return body + computeResidentIdCheck(body);
};

const applicantFor = (matters: readonly Matter[], n: number) =>
  matters.every((m) => m.serviceObjects.includes('person'))
    ? { kind: 'person', name: '张三丰', idNumber: residentId(n), phone: '13812345678' }
    : { kind: 'organisation', name: `杭州萧然餐饮管理有限公司${n}`, creditCode: creditCode(n), idNumber: residentId(n), phone: '13987654321' };

export interface MixBodies {
  readonly singles: readonly IntakeKind[];
  readonly bundle: IntakeKind;
  /** Labelled catalog queries (core/catalog/search/labelled-queries.json): what people type. */
  readonly queries: readonly string[];
  /** Matter codes a kiosk may attach to a ticket. */
  readonly ticketMatterCodes: readonly string[];
}

export const buildMixBodies = (now = Date.now()): MixBodies => {
  const { catalog, queries } = loadFixtures();
  const index = indexCatalog(catalog);
  const today = localDateOf(now);
  const singles = SINGLE_MATTERS.map((name): IntakeKind => {
    const matter = index.byName.get(name);
    if (!matter) throw new Error(`load mix: the catalog has no matter named ${name}`);
    const materials = materialsFor([matter], today);
    return {
      label: name,
      departments: [matter.departmentId],
      body: (n, hall) => ({ hall, channel: 'window', applicant: applicantFor([matter], n), matterCode: matter.code, materials }),
    };
  });
  const bundle = findBundle(index, BUNDLE.id);
  if (!bundle.ok) throw new Error(`load mix: no bundle ${BUNDLE.id}`);
  const members = selectBundleMatters(bundle.value, index, BUNDLE.choices, []);
  if (!members.ok) throw new Error(`load mix: bundle ${BUNDLE.id}: ${JSON.stringify(members.error)}`);
  const bundleMatters = [...members.value.values()];
  const bundleMaterials = materialsFor(bundleMatters, today);
  return {
    singles,
    bundle: {
      label: bundle.value.name,
      departments: bundleMatters.map((m) => m.departmentId),
      body: (n, hall) => ({
        hall,
        channel: 'window',
        applicant: applicantFor(bundleMatters, n),
        bundle: { id: BUNDLE.id, choices: BUNDLE.choices },
        materials: bundleMaterials,
      }),
    },
    queries: queries.map((q) => q.query),
    ticketMatterCodes: singles.map((s) => s.body(0, '').matterCode as string),
  };
};
