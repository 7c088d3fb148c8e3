/**
 * Run in a fresh process by index-build.ts: the first call of each build step, with a cold JIT, as a
 * worker isolate or CLI meets it on start-up, and the heap it retains (including anything it loads once and
 * shares, such as a pinyin table); then the heap of each further copy, averaged over several.
 */
import { buildSearchIndex, indexCatalog, loadXiaoshanCatalog } from '../core/index.ts';
import { measureHeap } from './measure-heap.ts';
import { timeOnce } from './measure-time.ts';
import { sendToParent } from './run-child.ts';

const load = measureHeap(() => timeOnce(() => loadXiaoshanCatalog()));
const catalog = load.value.value;
const catalogIndex = measureHeap(() => timeOnce(() => indexCatalog(catalog)));
const searchIndex = measureHeap(() => timeOnce(() => buildSearchIndex(catalog)));
const furtherCopies = 5;
const catalogIndexCopy = measureHeap(() => indexCatalog(catalog), furtherCopies);
const searchIndexCopy = measureHeap(() => buildSearchIndex(catalog), furtherCopies);

sendToParent({
  event: 'done',
  matters: catalog.matters.length,
  indexedCodes: catalogIndex.value.value.byCode.size,
  loadMs: load.value.ms,
  loadHeapBytes: load.bytes,
  indexCatalogMs: catalogIndex.value.ms,
  indexCatalogHeapBytes: catalogIndex.bytes,
  indexCatalogCopyHeapBytes: catalogIndexCopy.bytes,
  buildSearchIndexMs: searchIndex.value.ms,
  buildSearchIndexHeapBytes: searchIndex.bytes,
  buildSearchIndexCopyHeapBytes: searchIndexCopy.bytes,
});
