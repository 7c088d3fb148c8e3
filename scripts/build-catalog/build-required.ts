/** The required matters: the list's data (name, department, type, limits, visits, materials) plus overlays. */
import type { MatterTypeCode } from '../../core/catalog/types.ts';
import type { SeedMaterialRef, SeedMatter } from '../../core/catalog/seed-types.ts';
import { DEPARTMENT_ID_BY_NAME, DEPARTMENTS } from './departments.ts';
import { TEMPLATE_BY_TYPE, TEMPLATES } from './guide-templates.ts';
import type { RequiredRow } from './read-reference.ts';
import { REQUIRED_OVERLAYS, type RequiredOverlay } from './required-overlays.ts';
import type { Candidate } from './select-matters.ts';
import { describeRequiredMaterial } from './shared-materials.ts';

const TYPE_BY_LETTER: Readonly<Record<string, MatterTypeCode>> = { L: '01', Q: '07', G: '05', P: '20', O: '10' };
/** Letter of the basic code's power type, as national codes use it (A 许可, F 确认, G 给付, Z 其他); S for 公共服务. */
const CODE_LETTER: Readonly<Record<string, string>> = { '01': 'A', '05': 'G', '07': 'F', '10': 'Z', '20': 'S' };

/** `"10 / 即办 (告知承诺)"` → `"10/即办"` and the commitment flag; `"30日 冷静期后即办"` → `"30日/即办"`. */
export const normalizeLimit = (text: string): { limit: string; commit: boolean } => {
  const commit = /告知承诺|承诺制/.test(text);
  const bare = text.replace(/\(.*?\)/g, '').replace('冷静期后即办', '/ 即办').replace(/\s+/g, '');
  if (!/^(即办|\d+日?)(\/(即办|\d+日?))?$/.test(bare)) throw new Error(`unreadable limit: ${text}`);
  return { limit: bare, commit };
};

const refKey = (ref: SeedMaterialRef): string => (typeof ref === 'string' ? ref : `@${ref.ref}`);

export const buildRequiredMatters = (
  rows: readonly RequiredRow[],
  candidates: readonly Candidate[],
  overlays: Readonly<Record<string, RequiredOverlay>> = REQUIRED_OVERLAYS,
): SeedMatter[] => {
  const byName = new Map(candidates.map((c) => [c.name, c]));
  const synthesized = new Map<string, number>();
  return rows.map((row) => {
    const overlay = overlays[row.name];
    if (!overlay) throw new Error(`no overlay for required matter ${row.name}`);
    const dept = DEPARTMENT_ID_BY_NAME.get(row.department);
    if (!dept) throw new Error(`unknown department ${row.department} for ${row.name}`);
    const type = TYPE_BY_LETTER[row.type];
    if (!type) throw new Error(`unknown type ${row.type} for ${row.name}`);
    const lender = overlay.absorb?.[0];
    let basic: string;
    if (lender !== undefined) {
      const source = byName.get(lender);
      if (!source) throw new Error(`${row.name} absorbs ${lender}, which is not a reference candidate`);
      basic = source.basic;
    } else {
      // No national code in the reference list: a demo basic code, "99" marking it as made up.
      const seq = (synthesized.get(dept) ?? 0) + 1;
      synthesized.set(dept, seq);
      const ordinal = DEPARTMENTS.findIndex((d) => d.id === dept) + 1;
      basic = `330${CODE_LETTER[type]}99${String(ordinal).padStart(2, '0')}${String(seq).padStart(4, '0')}`;
    }
    const { limit, commit } = normalizeLimit(row.limit);
    const tpl = overlay.tpl ?? (type === '10' && /备案/.test(row.name) ? 'filing' : TEMPLATE_BY_TYPE[type]!);
    const template = TEMPLATES[tpl];
    if (!template) throw new Error(`unknown template ${tpl}`);
    const materials: SeedMaterialRef[] = [];
    const seen = new Set<string>();
    for (const phrase of row.materials) {
      for (const ref of overlay.phrases?.[phrase] ?? describeRequiredMaterial(phrase)) {
        if (seen.has(refKey(ref))) continue;
        seen.add(refKey(ref));
        materials.push(ref);
      }
    }
    const visits = row.visits as 0 | 1 | 2;
    return {
      name: row.name,
      dept,
      type,
      basic,
      tpl,
      limit,
      ...(overlay.legalNote === undefined ? {} : { legalNote: overlay.legalNote }),
      ...(overlay.promisedNote === undefined ? {} : { promisedNote: overlay.promisedNote }),
      ...(visits === 0 ? {} : { visits }),
      ...(commit ? { commit } : {}),
      ...(overlay.inspect ? { inspect: true } : {}),
      ...(overlay.objects === undefined || overlay.objects === template.objects ? {} : { objects: overlay.objects }),
      ...(sameResult(overlay.result, template.result) ? {} : { result: overlay.result }),
      basis: overlay.basis,
      ...(overlay.fee === undefined ? {} : { fee: overlay.fee }),
      ...(overlay.accept === undefined ? {} : { accept: overlay.accept }),
      ...(overlay.review === undefined ? {} : { review: overlay.review }),
      materials,
    };
  });
};

const sameResult = (a: readonly string[], b: readonly string[]): boolean => a[0] === b[0] && a[1] === b[1];

/** Every name a required matter takes the place of. */
export const absorbedNames = (): Set<string> =>
  new Set(Object.values(REQUIRED_OVERLAYS).flatMap((o) => o.absorb ?? []));
