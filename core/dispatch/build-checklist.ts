/**
 * A case's one checklist (一次告知、一表申请): every material its matters ask for, each asked once,
 * and government-issued documents already held taken from the library instead (多报合一 / once-only).
 */
import type { IsoDate } from '../clock/types.ts';
import type { Material, Matter } from '../catalog/types.ts';
import type { Checklist, ChecklistItem, LibraryItem } from '../review/types.ts';

/** 必要性, strictest first: 必要 (1) > 容缺后补 (3, must still follow) > 非必要 (2). */
const NECESSITY_RANK: Readonly<Record<Material['necessity'], number>> = { '1': 2, '3': 1, '2': 0 };

/**
 * 形式, strictest first: 纸质 (1) > 电子 (2) > 纸质或电子 (3). Paper-only wins over electronic-only because
 * the front desk scans what it receives and routes the scan to the back offices (前台受理、后台审批), so one
 * paper original meets both demands; an upload cannot stand in for an original on paper.
 */
const FORM_RANK: Readonly<Record<Material['form'], number>> = { '1': 2, '2': 1, '3': 0 };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface Line extends Mutable<ChecklistItem> {
  readonly matterCodes: string[];
}

/**
 * The union of the matters' materials, deduplicated by the catalog-wide Material.id in first-seen order.
 * Per item: the strictest necessity and form, and the largest originals and copies (not the sum: the hall
 * copies one submission to every back office). A 来源渠道 20 material for which the library holds an
 * unexpired item (`validUntil` absent or on/after `today`) carries `reusedFrom` and is not requested.
 */
export const buildChecklist = (matters: readonly Matter[], library: readonly LibraryItem[], today: IsoDate): Checklist => {
  const lines: Line[] = [];
  const byMaterial = new Map<string, Line>();
  let requestedBeforeDedup = 0;
  for (const matter of matters) {
    for (const material of matter.materials) {
      requestedBeforeDedup++;
      const line = byMaterial.get(material.id);
      if (line === undefined) {
        const added: Line = {
          material,
          matterCodes: [matter.code],
          necessity: material.necessity,
          form: material.form,
          originals: material.originals,
          copies: material.copies,
        };
        byMaterial.set(material.id, added);
        lines.push(added);
        continue;
      }
      // A matter listing the same document twice is still one asker.
      if (line.matterCodes[line.matterCodes.length - 1] !== matter.code) line.matterCodes.push(matter.code);
      if (NECESSITY_RANK[material.necessity] > NECESSITY_RANK[line.necessity]) line.necessity = material.necessity;
      if (FORM_RANK[material.form] > FORM_RANK[line.form]) line.form = material.form;
      if (material.originals > line.originals) line.originals = material.originals;
      if (material.copies > line.copies) line.copies = material.copies;
      // The kind is catalog-wide, so its source is too; should two matters disagree, any 20 makes it reusable.
      if (material.source === '20' && line.material.source !== '20') line.material = material;
    }
  }
  for (const line of lines) {
    if (line.material.source !== '20') continue;
    const held = findReusableItem(library, line.material.id, today);
    if (held) line.reusedFrom = held;
  }
  return { items: lines, requestedBeforeDedup };
};

/**
 * The library item that satisfies a material on `today`: unexpired, and of those the longest valid
 * (no end date first), then the first in library order, so the choice is deterministic.
 */
export const findReusableItem = (library: readonly LibraryItem[], materialId: string, today: IsoDate): LibraryItem | undefined => {
  let best: LibraryItem | undefined;
  for (const item of library) {
    if (item.materialId !== materialId) continue;
    const until = item.validUntil;
    if (until !== undefined && until < today) continue; // ISO dates compare lexicographically
    if (best === undefined || outlasts(until, best.validUntil)) best = item;
  }
  return best;
};

const outlasts = (a: IsoDate | undefined, b: IsoDate | undefined): boolean =>
  b !== undefined && (a === undefined || a > b);
