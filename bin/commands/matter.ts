import { parseArgs } from 'node:util';
import { findMatter } from '../../core/index.ts';
import { formatMatterGuide } from '../format-guide.ts';
import { getCatalogContext } from '../catalog-context.ts';
import { EXIT, type CliIo } from '../io.ts';

/** `onewindow matter <code> [--json]`: the full guide (办事指南) by 实施编码 or 基本编码. */
export const runMatterCommand = (args: readonly string[], io: CliIo): number => {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: 'boolean' } } });
  const code = positionals[0];
  if (!code) {
    io.err('请提供事项编码 / a matter code is required');
    return EXIT.usage;
  }
  const { index } = getCatalogContext();
  const found = findMatter(index, code);
  if (!found.ok) {
    io.err(`未找到该事项 / no matter has this code: ${code}`);
    return EXIT.problem;
  }
  const department = index.departments.get(found.value.departmentId);
  io.out(values.json ? JSON.stringify({ ...found.value, department }, null, 2) : formatMatterGuide(found.value, department));
  return EXIT.ok;
};
