/**
 * `npx tsx scripts/build-catalog/main.ts`: regenerates core/catalog/data/xiaoshan-seed.json from
 * ../shared/reference. The seed is committed; CI never runs this. Deterministic: two runs, one output.
 * Refuses to write a seed whose expanded catalog has any validation problem.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expandSeed } from '../../core/catalog/expand-seed.ts';
import { validateCatalog } from '../../core/catalog/validate-catalog.ts';
import { buildSeed } from './build-seed.ts';
import { readRequiredMatters, readTsv } from './read-reference.ts';
import { formatSeed } from './write-seed.ts';

const OUT = fileURLToPath(new URL('../../core/catalog/data/xiaoshan-seed.json', import.meta.url));

const seed = buildSeed(readTsv(), readRequiredMatters());
const catalog = expandSeed(seed);
const problems = validateCatalog(catalog);
if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`${p.path}: [${p.code}] ${p.message}`);
  console.error(`${problems.length} problem(s); seed not written`);
  process.exit(1);
}
const text = formatSeed(seed);
writeFileSync(OUT, text);
const perDept = new Map<string, number>();
for (const m of catalog.matters) perDept.set(m.departmentId, (perDept.get(m.departmentId) ?? 0) + 1);
console.log(
  `wrote ${OUT}: ${catalog.matters.length} matters, ${catalog.departments.length} departments, ` +
    `${catalog.bundles.length} bundles, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB ` +
    `(expanded ${(Buffer.byteLength(JSON.stringify(catalog)) / 1024).toFixed(0)} KiB)`,
);
console.log([...perDept].map(([d, n]) => `${d} ${n}`).join(', '));
