/** Reads the reference lists in ../shared/reference: the Guang'an district TSV and the required-matters table. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

export interface TsvRow {
  /** 0-based position in the file, the tie-breaker wherever order matters. */
  readonly index: number;
  readonly department: string;
  readonly mainItem: string;
  readonly name: string;
  readonly itemCode: string;
  readonly taskType: string;
}

export const readTsv = (file = `${REFERENCE_DIR}sichuan-guangan-district-catalog.tsv`): TsvRow[] => {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (header !== 'department\tmain_item\tname\titem_code\ttask_type') throw new Error(`unexpected TSV header: ${header}`);
  return rows.map((line, index) => {
    const [department, mainItem, name, itemCode, taskType] = line.split('\t').map((c) => c.trim());
    if (!department || !mainItem || !name || !itemCode || !taskType) throw new Error(`short TSV row ${index}: ${line}`);
    return { index, department, mainItem, name, itemCode, taskType };
  });
};

export interface RequiredRow {
  readonly name: string;
  readonly department: string;
  /** L 许可, Q 确认, G 给付, P 公共服务, O 其他. */
  readonly type: string;
  readonly limit: string;
  readonly visits: number;
  readonly materials: readonly string[];
}

/** The first table of required-matters.md; cells are kept as written, limits are normalized later. */
export const readRequiredMatters = (file = `${REFERENCE_DIR}required-matters.md`): RequiredRow[] => {
  const text = readFileSync(file, 'utf8');
  const table = text.slice(text.indexOf('| name |'), text.indexOf('## Bundles'));
  return table
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('| name') && !l.startsWith('|---'))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const [name, department, type, limit, visits, materials] = cells;
      if (cells.length !== 6 || !name || !department || !type || !limit || !visits || !materials) {
        throw new Error(`malformed required row: ${line}`);
      }
      return { name, department, type, limit, visits: Number(visits), materials: materials.split(';').map((m) => m.trim()) };
    });
};
