import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadXiaoshanCatalog, validateCatalog } from '../../core/index.ts';
import { EXIT, type CliIo } from '../io.ts';

/** `onewindow catalog validate <file>` and `onewindow catalog export [--out FILE]`. */
export const runCatalogCommand = async (args: readonly string[], io: CliIo): Promise<number> => {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validateFile(rest, io);
  if (sub === 'export') return exportXiaoshan(rest, io);
  io.err('用法 usage: onewindow catalog validate <file> | onewindow catalog export [--out FILE]');
  return EXIT.usage;
};

const validateFile = async (args: readonly string[], io: CliIo): Promise<number> => {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file) {
    io.err('请提供目录文件 / a catalog file is required');
    return EXIT.usage;
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`无法读取目录文件 cannot read ${file}: ${(error as Error).message}`);
    return EXIT.problem;
  }
  const problems = validateCatalog(document);
  if (problems.length === 0) {
    const matters = (document as { matters: unknown[] }).matters.length;
    io.out(`目录校验通过 catalog valid: ${file} (${matters} matters)`);
    return EXIT.ok;
  }
  for (const p of problems) io.err(`${p.path}: [${p.code}] ${p.message}`);
  io.err(`发现 ${problems.length} 个问题 / ${problems.length} problem(s) found in ${file}`);
  return EXIT.problem;
};

const exportXiaoshan = async (args: readonly string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' } } });
  const json = JSON.stringify(loadXiaoshanCatalog(), null, 2);
  if (values.out) {
    await writeFile(values.out, json + '\n');
    io.out(`已导出 exported to ${values.out}`);
  } else {
    io.out(json);
  }
  return EXIT.ok;
};
