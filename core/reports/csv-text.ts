/**
 * CSV text as Excel on a Chinese Windows desktop opens it: UTF-8 with a byte-order mark (without one Excel reads
 * the file as GBK and the Chinese turns to mojibake), RFC 4180 fields and CRLF line ends.
 */

/** U+FEFF, written first so Excel detects UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** A cell: text, a number, a yes/no, or nothing (an empty field). */
export type CsvCell = string | number | boolean | null;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: names come
 * from configuration and partner data, and a CSV opened by a hall manager must not execute them (CSV injection).
 */
const neutralizeFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export const quoteCsvField = (text: string): string =>
  /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/** Numbers keep up to two decimals (rates are already in percent), whole numbers none. */
const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
};

export const formatCsvCell = (cell: CsvCell): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'boolean') return cell ? '是 (yes)' : '否 (no)';
  return quoteCsvField(neutralizeFormula(cell));
};

/** Rows to CSV lines, each ended by CRLF. */
export const formatCsvRows = (rows: readonly (readonly CsvCell[])[]): string =>
  rows.map((row) => `${row.map(formatCsvCell).join(',')}\r\n`).join('');
