import { indexCatalog } from '../core/index.ts';
import type { BenchGroup } from './bench-types.ts';
import { loadFixtures } from './load-fixtures.ts';
import { measureLookups } from './measure-lookups.ts';

/** findMatter by 实施编码 and by 基本编码 over every Xiaoshan code, beside a scan of the matter list. */
export const catalogLookupGroup: BenchGroup = {
  name: 'catalog-lookup',
  description: 'findMatter by 实施编码 / 基本编码 over all Xiaoshan codes vs matters.find',
  async run(ctx) {
    const { catalog } = loadFixtures();
    ctx.check(catalog.matters.length >= 836, `Xiaoshan catalog has ${catalog.matters.length} matters, expected ≥ 836`);
    await measureLookups(ctx, catalog, indexCatalog(catalog), { naiveSample: catalog.matters.length, withTarget: true });
  },
};
