/**
 * Expands a compact catalog seed into the full CatalogDocument. Pure and total: a broken seed still
 * expands, into a document whose faults validateCatalog names (an unknown department leaves its code
 * segment as `UNKNOWN`, an unknown bundle matter keeps its name as the code), so one check covers both.
 */
import type { CatalogSeed, SeedMaterialDefinition, SeedMaterialRef, SeedMatter, SeedObjects, SeedBundle } from './seed-types.ts';
import type {
  Alias,
  Bundle,
  CatalogDocument,
  Department,
  Material,
  MaterialTypeCode,
  Matter,
  OnlineDepth,
  ServiceObject,
  TimeLimit,
} from './types.ts';

export type * from './seed-types.ts';

const ON_THE_SPOT: TimeLimit = { value: 0, unit: 'on_the_spot' };
const FREE = { charged: false } as const;
const DEPTH_BY_VISITS: Readonly<Record<number, OnlineDepth>> = { 0: 'IV', 1: 'III', 2: 'II' };
const OBJECTS: Readonly<Record<SeedObjects, readonly ServiceObject[]>> = {
  p: ['person'],
  o: ['organisation'],
  po: ['person', 'organisation'],
};

/** Defaults for a matter's own documents, by material type; shared definitions spell theirs out. */
const LOCAL_DEFAULTS: Readonly<Record<MaterialTypeCode, Omit<Material, 'id' | 'name' | 'type' | 'necessity'>>> = {
  '1': {
    source: '10',
    form: '3',
    originals: 1,
    copies: 1,
    acceptanceStandard: '原件核验，复印件与原件一致，证件在有效期内',
  },
  '2': {
    source: '10',
    form: '3',
    originals: 1,
    copies: 0,
    acceptanceStandard: '按规定格式填写完整、内容真实，签字（盖章）齐全',
    sampleNote: '窗口和网上办事指南提供示例样表，可看图填写',
    instructions: '空白表格可在窗口领取或在线下载；也可由窗口工作人员根据申报信息打印后签字确认',
  },
  '3': {
    source: '10',
    form: '3',
    originals: 1,
    copies: 0,
    acceptanceStandard: '内容真实、完整、清晰，与申请事项相符',
  },
};

const LOCAL_REF = /^([123])([123])?:(.+)$/;

/** `"20/5"`, `"30日/10"`, `"即办"`, `"3"` → [legal, promised]; a malformed part becomes NaN for the validator. */
export const parseLimitPair = (text: string): readonly [TimeLimit, TimeLimit] => {
  const [legalText = '', promisedText] = text.split('/');
  const legal = parseLimit(legalText);
  return [legal, promisedText === undefined ? legal : parseLimit(promisedText)];
};

const parseLimit = (text: string): TimeLimit => {
  const t = text.trim();
  if (t === '即办') return ON_THE_SPOT;
  const calendar = t.endsWith('日');
  const digits = calendar ? t.slice(0, -1) : t;
  const value = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  return { value, unit: calendar ? 'calendar_days' : 'working_days' };
};

const withNote = (limit: TimeLimit, note: string | undefined): TimeLimit =>
  note === undefined ? limit : { ...limit, note };

const toMaterial = (id: string, def: SeedMaterialDefinition): Material => ({
  id,
  name: def.name,
  type: def.type,
  source: def.source,
  necessity: def.necessity ?? '1',
  form: def.form ?? '3',
  originals: def.originals ?? 1,
  copies: def.copies ?? 0,
  acceptanceStandard: def.standard,
  ...(def.sample === undefined ? {} : { sampleNote: def.sample }),
  ...(def.instructions === undefined ? {} : { instructions: def.instructions }),
});

/** A stand-in the validator rejects (empty codes), for a reference the seed cannot resolve. */
const unresolvedMaterial = (id: string, name: string): Material =>
  ({ id, name, type: '', source: '', necessity: '', form: '', originals: 0, copies: 0, acceptanceStandard: '' }) as unknown as Material;

interface ExpandContext {
  readonly seed: CatalogSeed;
  readonly departments: ReadonlyMap<string, Department>;
  /** Shared materials are expanded once and the same object is reused by every matter. */
  readonly shared: Map<string, Material>;
}

const sharedMaterial = (ctx: ExpandContext, id: string): Material => {
  let material = ctx.shared.get(id);
  if (!material) {
    const def = ctx.seed.materials[id];
    material = def ? toMaterial(id, def) : unresolvedMaterial(id, `未定义的共享材料 ${id}`);
    ctx.shared.set(id, material);
  }
  return material;
};

const expandMaterial = (ctx: ExpandContext, ref: SeedMaterialRef, localId: string): Material => {
  if (typeof ref !== 'string') {
    const base = sharedMaterial(ctx, ref.ref);
    return {
      ...base,
      ...(ref.note === undefined ? {} : { instructions: ref.note }),
      ...(ref.necessity === undefined ? {} : { necessity: ref.necessity }),
    };
  }
  if (ref.startsWith('@')) return sharedMaterial(ctx, ref.slice(1));
  const local = LOCAL_REF.exec(ref);
  if (!local) return unresolvedMaterial(localId, ref);
  const type = local[1] as MaterialTypeCode;
  const necessity = (local[2] ?? '1') as Material['necessity'];
  return { id: localId, name: local[3]!, type, necessity, ...LOCAL_DEFAULTS[type] };
};

const expandMatter = (ctx: ExpandContext, m: SeedMatter): Matter => {
  const { seed } = ctx;
  const department = ctx.departments.get(m.dept);
  const item = m.item ?? 1;
  const tpl = seed.templates[m.tpl];
  const [legal, promised] = parseLimitPair(m.limit);
  const caseKind = promised.unit === 'on_the_spot' ? 'instant' : 'promised';
  const byCommitment = m.commit ?? false;
  const siteInspection = m.inspect ?? false;
  const flowId = !tpl
    ? undefined
    : byCommitment
      ? tpl.flows.commitment
      : siteInspection
        ? tpl.flows.inspected
        : caseKind === 'instant'
          ? tpl.flows.instant
          : tpl.flows.promised;
  const visits = m.visits ?? 0;
  const localPrefix = `${m.basic.toLowerCase()}-${item}`;
  const acceptance = tpl?.acceptanceConditions ?? [];
  const review = tpl?.reviewPoints ?? [];
  const [resultName, resultType] = m.result ?? tpl?.result ?? ['', '30'];
  return {
    code: `${m.basic}-${seed.areaCode}-000-${department?.creditCode ?? 'UNKNOWN'}-${item}-00`,
    basicCode: m.basic,
    version: 1,
    name: m.name,
    type: m.type,
    departmentId: m.dept,
    serviceObjects: OBJECTS[m.objects ?? tpl?.objects ?? 'po'],
    acceptanceConditions: m.accept ? [...acceptance, ...m.accept] : acceptance,
    processSteps: (flowId === undefined ? undefined : seed.flows[flowId]) ?? [],
    caseKind,
    legalLimit: withNote(legal, m.legalNote),
    promisedLimit: withNote(promised, m.promisedNote),
    visits,
    onlineDepth: m.depth ?? DEPTH_BY_VISITS[visits] ?? 'II',
    fee: m.fee === undefined ? FREE : { charged: true, basis: m.fee },
    byCommitment,
    siteInspection,
    location: seed.service.location,
    hours: seed.service.hours,
    consultationPhone: department?.phone ?? '',
    complaintPhone: seed.service.complaintPhone,
    result: { name: resultName, type: resultType },
    legalBasis: (m.basis ?? tpl?.basis ?? []).map((id) => seed.laws[id] ?? id),
    reviewPoints: m.review ? [...review, ...m.review] : review,
    materials: m.materials.map((ref, k) => expandMaterial(ctx, ref, `${localPrefix}-${k + 1}`)),
  };
};

const expandBundle = (b: SeedBundle, codeByName: ReadonlyMap<string, string>): Bundle => ({
  id: b.id,
  name: b.name,
  description: b.description,
  members: b.members.map((member) => ({
    key: member.key,
    matterCodes: member.matters.map((name) => codeByName.get(name) ?? name),
    ...(member.optional === undefined ? {} : { optional: member.optional }),
  })),
  dependencies: b.dependencies.map(([from, to]) => ({ from, to })),
  jointInspections: b.joint.map((j) => ({ name: j.name, members: j.members })),
  ...(b.limit === undefined ? {} : { promisedLimit: parseLimitPair(b.limit)[1] }),
});

/** The full catalog a seed describes; `aliases` are kept in their own file and attached here. */
export const expandSeed = (seed: CatalogSeed, aliases: readonly Alias[] = []): CatalogDocument => {
  const ctx: ExpandContext = {
    seed,
    departments: new Map(seed.departments.map((d) => [d.id, d])),
    shared: new Map(),
  };
  const matters = seed.matters.map((m) => expandMatter(ctx, m));
  const codeByName = new Map(matters.map((m) => [m.name, m.code]));
  return {
    id: seed.id,
    version: seed.version,
    region: seed.region,
    notice: seed.notice,
    departments: seed.departments,
    matters,
    bundles: seed.bundles.map((b) => expandBundle(b, codeByName)),
    aliases,
  };
};
