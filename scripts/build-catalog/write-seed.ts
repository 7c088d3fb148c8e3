/** Serializes a seed for review: small sections pretty-printed, one line per department, law, material and matter. */
import type { CatalogSeed } from '../../core/catalog/seed-types.ts';

const ONE_PER_LINE = new Set(['departments', 'laws', 'materials', 'matters']);

const indent = (json: string, pad: string): string => json.replace(/\n/g, `\n${pad}`);

export const formatSeed = (seed: CatalogSeed): string => {
  const sections = Object.entries(seed).map(([key, value]) => {
    if (!ONE_PER_LINE.has(key)) return `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}`;
    const rows = Array.isArray(value)
      ? value.map((v) => `    ${JSON.stringify(v)}`)
      : Object.entries(value as object).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return `  ${JSON.stringify(key)}: ${open}\n${rows.join(',\n')}\n  ${close}`;
  });
  return `{\n${sections.join(',\n')}\n}\n`;
};
