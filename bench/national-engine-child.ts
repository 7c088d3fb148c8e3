/**
 * One engine at national scale, in its own process (national-catalog.ts runs one per engine): a library that
 * builds for over a minute is killed at the deadline, one that runs out of memory takes only itself down.
 * Usage: national-engine-child.ts <engine> <regions> <smoke 0|1>
 */
import { findEngine } from './engines/all-engines.ts';
import { buildSearchDocuments } from './engines/search-documents.ts';
import { loadFixtures } from './load-fixtures.ts';
import { timeOnce } from './measure-time.ts';
import { replicateCatalog } from './replicate-catalog.ts';
import { sendToParent } from './run-child.ts';
import { buildEngine, searchEngineTrial } from './run-engine-trial.ts';
import { pickTrialPlan, sampleQueries } from './trial-plans.ts';

const [engineName = '', regionsArg = '', smokeArg = '0'] = process.argv.slice(2);
const factory = findEngine(engineName);
const smoke = smokeArg === '1';
const { catalog: base, queries } = loadFixtures();
const national = replicateCatalog(base, Number(regionsArg));
const documents = timeOnce(() => buildSearchDocuments(national.catalog));
sendToParent({ event: 'ready', matters: national.catalog.matters.length, documentsMs: documents.ms });

// Department-filtered queries go to one region's copy of the department, as a hall in that region would ask.
const region = Math.floor(national.regions / 2);
const plan = pickTrialPlan(smoke, 'national', factory.role);
const input = {
  factory,
  catalog: national.catalog,
  documents: documents.value,
  queries: sampleQueries(queries, plan.perKind),
  plan: plan.latency,
  buildRepetitions: 1,
  mapDepartment: (q: { departmentId?: string }) =>
    q.departmentId === undefined ? undefined : national.mapDepartmentId(q.departmentId, region),
};
const built = buildEngine(input);
sendToParent({ event: 'built', buildMs: built.buildMs, heapBytes: built.heapBytes });
const trial = searchEngineTrial(input, built.engine);
sendToParent({
  event: 'done',
  buildMs: built.buildMs,
  heapBytes: built.heapBytes,
  sampled: input.queries.length,
  ...trial,
});
