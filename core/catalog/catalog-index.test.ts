import { describe, expect, it } from 'vitest';
import { findBundle, findDepartment, findMatter, indexCatalog, mattersByBasicCode } from './catalog-index.ts';
import { loadXiaoshanCatalog } from './xiaoshan-catalog.ts';

const catalog = loadXiaoshanCatalog();
const index = indexCatalog(catalog);

describe('catalog index', () => {
  it('finds every matter by its implementation code', () => {
    for (const matter of catalog.matters) expect(findMatter(index, matter.code)).toEqual({ ok: true, value: matter });
  });

  it('finds a matter by basic code, first in catalog order, and lists its variants', () => {
    for (const matter of catalog.matters) {
      const found = findMatter(index, matter.basicCode);
      expect(found.ok && found.value.basicCode).toBe(matter.basicCode);
      const variants = mattersByBasicCode(index, matter.basicCode);
      expect(variants).toContain(matter);
      if (found.ok) expect(found.value).toBe(variants[0]);
    }
  });

  it('tolerates surrounding spaces and lower case in typed codes', () => {
    const matter = catalog.matters.find((m) => /[A-Z]/.test(m.code))!;
    const typed = `  ${matter.code.toLowerCase()} `;
    expect(findMatter(index, typed)).toEqual({ ok: true, value: matter });
  });

  it('answers unknown codes, departments and bundles with coded errors', () => {
    expect(findMatter(index, 'NOPE')).toEqual({ ok: false, error: { code: 'MATTER_NOT_FOUND', details: { code: 'NOPE' } } });
    expect(findDepartment(index, 'nope')).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_NOT_FOUND' } });
    expect(findBundle(index, 'nope')).toMatchObject({ ok: false, error: { code: 'BUNDLE_NOT_FOUND' } });
    expect(findDepartment(index, 'scjg')).toMatchObject({ ok: true, value: { name: '市场监管局' } });
    expect(findBundle(index, 'open-restaurant')).toMatchObject({ ok: true, value: { name: '开办餐饮店一件事' } });
  });
});
