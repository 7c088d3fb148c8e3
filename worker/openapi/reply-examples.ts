import { findBundle, searchMatters } from '../../core/index.ts';
import { CALENDAR_WARN_WITHIN_DAYS, workCalendar } from '../cases/case-clock.ts';
import type { CatalogStore } from '../catalog-store.ts';
import { presentBundle } from '../replies/bundle-detail.ts';
import { presentCalendarHealth } from '../replies/calendar-health.ts';
import { presentBundleList, presentDepartmentList } from '../replies/catalog-lists.ts';
import { presentMatterGuide } from '../replies/matter-guide.ts';
import { presentSearchReply } from '../replies/search-result.ts';

/** Keeps an example readable: long lists show their first items. */
const firstOf = <T>(items: readonly T[], count: number): T[] => items.slice(0, count);

/**
 * Success examples for the document, produced by the same presenters the routes use, over the catalog this
 * worker serves: they cannot drift from the real replies. Keyed by `method path` as the document writes it.
 */
export const buildReplyExamples = (store: CatalogStore): Record<string, unknown> => {
  const { catalog } = store;
  const hits = searchMatters(store.search, '食品经营', { limit: 50 });
  const first = hits[0] ? store.index.byCode.get(hits[0].code) : undefined;
  const guide = first ? presentMatterGuide(store, first) : undefined;
  const bundle = findBundle(store.index, 'open-restaurant');
  const departments = presentDepartmentList(store);
  const examples: Record<string, unknown> = {
    'get /v1/matters': presentSearchReply(store, '食品经营', hits, 3),
    'get /v1/departments': { ...departments, results: firstOf(departments.results, 2) },
    'get /v1/bundles': presentBundleList(store),
    'get /v1/health': {
      status: 'ok',
      catalog: {
        id: catalog.id,
        version: catalog.version,
        matterCount: catalog.matters.length,
        departmentCount: catalog.departments.length,
      },
      // As on 28 November 2026: the next year's schedule is due and not yet added.
      calendar: presentCalendarHealth(workCalendar(), '2026-11-28', CALENDAR_WARN_WITHIN_DAYS),
      database: 'ok',
      certificates: { signing: 'ok', keyId: 'oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U' },
      release: {
        catalogId: catalog.id,
        version: catalog.version,
        matterCount: catalog.matters.length,
        departmentCount: catalog.departments.length,
        loadedAt: '2026-03-02T01:00:00.000Z',
      },
    },
  };
  if (guide) examples['get /v1/matters/{code}'] = { ...guide, materials: firstOf(guide.materials, 2) };
  if (bundle.ok) examples['get /v1/bundles/{id}'] = presentBundle(store, bundle.value);
  return examples;
};
