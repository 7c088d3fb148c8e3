import { parseArgs } from 'node:util';
import { searchMatters } from '../../core/index.ts';
import { getCatalogContext } from '../catalog-context.ts';
import { EXIT, type CliIo } from '../io.ts';

/** `onewindow search <text> [--json] [--limit N] [--department ID]` */
export const runSearchCommand = (args: readonly string[], io: CliIo): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, limit: { type: 'string' }, department: { type: 'string' } },
  });
  const text = positionals.join(' ').trim();
  if (!text) {
    io.err('请输入要查找的事项 / search text is required');
    return EXIT.usage;
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    io.err('--limit 应为 1 到 50 的整数 / --limit must be an integer from 1 to 50');
    return EXIT.usage;
  }
  const { index, search } = getCatalogContext();
  const departmentId = values.department;
  if (departmentId !== undefined && !index.departments.has(departmentId)) {
    io.err(`未找到部门 unknown department: ${departmentId} (可选 known: ${[...index.departments.keys()].join(', ')})`);
    return EXIT.usage;
  }
  const hits = searchMatters(search, text, departmentId === undefined ? { limit } : { limit, departmentId });
  const results = hits.map((hit) => ({
    code: hit.code,
    name: hit.name,
    department: index.departments.get(hit.departmentId)?.name ?? hit.departmentId,
    departmentId: hit.departmentId,
    score: hit.score,
    matched: hit.matched,
  }));
  if (values.json) {
    io.out(JSON.stringify(results, null, 2));
    return EXIT.ok;
  }
  if (results.length === 0) {
    io.out(`没有找到与“${text}”相关的事项 / no matter found`);
    return EXIT.ok;
  }
  results.forEach((r, i) => {
    const { text: field, start, end } = r.matched;
    const shown = r.matched.field === 'name' ? `${field.slice(0, start)}【${field.slice(start, end)}】${field.slice(end)}` : r.name;
    const via = r.matched.field === 'alias' ? `  (俗称 “${field}”)` : '';
    io.out(`${String(i + 1).padStart(2)}. ${shown}  [${r.department}]${via}\n    ${r.code}  score ${r.score.toFixed(3)}`);
  });
  return EXIT.ok;
};
