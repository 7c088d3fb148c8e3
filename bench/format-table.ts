import type { Figure } from './bench-types.ts';

/** Three significant digits, thousands separated: 0.0412, 3.57, 12,400,000. */
export const formatValue = (value: number | null, unit: string): string => {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const text =
    abs >= 1000
      ? Math.round(value).toLocaleString('en-US')
      : abs >= 100
        ? value.toFixed(0)
        : abs >= 10
          ? value.toFixed(1)
          : abs >= 1
            ? value.toFixed(2)
            : value.toPrecision(3);
  return unit === '' ? text : unit === '/s' || unit === '%' ? `${text}${unit}` : `${text} ${unit}`;
};

const formatMet = (f: Figure): string => (f.met === undefined ? '' : f.met ? 'yes' : 'NO');

const toCells = (f: Figure): string[] => [
  f.subject,
  f.metric,
  formatValue(f.value, f.unit),
  f.target ?? '',
  formatMet(f),
  f.note ?? '',
];

const header = ['subject', 'metric', 'value', 'target', 'met', 'note'];

const groupBy = (figures: readonly Figure[]): Map<string, Figure[]> => {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = groups.get(f.group);
    if (list) list.push(f);
    else groups.set(f.group, [f]);
  }
  return groups;
};

/** Aligned plain text for the terminal, one block per group. */
export const formatTextTable = (figures: readonly Figure[]): string => {
  const blocks: string[] = [];
  for (const [group, list] of groupBy(figures)) {
    const rows = list.map(toCells);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    blocks.push([`## ${group}`, line(header), ...rows.map(line)].join('\n'));
  }
  return blocks.join('\n\n');
};

/** The same figures as Markdown tables, for bench/README.md. */
export const formatMarkdownTable = (figures: readonly Figure[]): string => {
  const blocks: string[] = [];
  for (const [group, list] of groupBy(figures)) {
    const rows = list.map((f) => `| ${toCells(f).map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    blocks.push([`**${group}**`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows].join('\n'));
  }
  return blocks.join('\n\n');
};
