import { describe, expect, it } from 'vitest';
import { buildHallReport } from './build-hall-report.ts';
import { formatCsvCell, quoteCsvField } from './csv-text.ts';
import { FIXTURE_INPUT } from './fixtures/report-fixture.ts';
import { formatHallReportCsv } from './format-hall-report-csv.ts';

/** A strict RFC 4180 reader for the test: CRLF records, quoted fields with doubled quotes. */
const readCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      let end = i + 1;
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0) throw new Error('unterminated quote');
        if (text[q + 1] === '"') {
          field += text.slice(end, q + 1);
          end = q + 2;
        } else {
          field += text.slice(end, q);
          i = q + 1;
          break;
        }
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
};

/** The rows of one section, found by its title, up to the empty line that ends it. */
const sectionOf = (rows: string[][], title: string): string[][] => {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end < 0 ? undefined : end);
};

const TRICKY = '市场监管局, "一窗"\n受理';

describe('the report as CSV', () => {
  const csv = formatHallReportCsv(buildHallReport({ ...FIXTURE_INPUT, departmentNames: { scjg: TRICKY, xf: '消防救援大队' } }));
  const rows = readCsv(csv.slice(1));

  it('starts with a UTF-8 byte-order mark so Excel reads the Chinese', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
  });

  it('quotes commas, quotes and newlines (RFC 4180) and reads back to the same text', () => {
    expect(csv).toContain('"市场监管局, ""一窗""\n受理"');
    const onTime = sectionOf(rows, '部门按时办结 (On-time by department)');
    expect(onTime[0]).toEqual([
      '部门编码 (Department id)',
      '部门 (Department)',
      '按时办结 (On time)',
      '超时 (Late)',
      '应办结 (Judged)',
      '按时办结率% (On-time rate %)',
      '超期未办结 (Overdue, undecided)',
    ]);
    expect(onTime.slice(1)).toEqual([
      ['scjg', TRICKY, '2', '3', '5', '40.00', '2'],
      ['xf', '消防救援大队', '1', '1', '2', '50.00', '1'],
      ['', '合计 (All)', '3', '4', '7', '42.86', '3'],
    ]);
  });

  it('quotes a field only when it must', () => {
    expect(quoteCsvField('plain 文本')).toBe('plain 文本');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('keeps text a spreadsheet would run as a formula from running', () => {
    expect(formatCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(formatCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvCell(-3)).toBe('-3');
  });

  it('has one section per table, headers in Chinese with the English in parentheses', () => {
    const titles = rows.filter((r, i) => r.length === 1 && r[0] !== '' && (i === 0 || rows[i - 1]!.join('') === ''));
    expect(titles.map((r) => r[0])).toEqual([
      '报表信息 (Report)',
      '主要指标 (Key figures)',
      '每日统计 (Daily)',
      '部门按时办结 (On-time by department)',
      '跑动次数分布 (Visits per case)',
      '评价等级分布 (Ratings by level)',
    ]);
    for (const title of titles) {
      const header = sectionOf(rows, title[0]!)[0]!;
      for (const cell of header) expect(cell).toMatch(/^[^()]*[\u4e00-\u9fff][^()]* \([A-Za-z][^)]*\)$/);
    }
  });

  it('writes every rate with its numerator and denominator, and the goal beside the concentration', () => {
    const figures = sectionOf(rows, '主要指标 (Key figures)');
    const find = (label: string) => figures.find((r) => r[0] === label);
    expect(find('前台集中受理率 (Front-desk concentration rate)')).toEqual([
      '前台集中受理率 (Front-desk concentration rate)', '80.00', '%', '4', '5', '95.00', '否 (no)',
    ]);
    expect(find('最多跑一次率 (At most one visit)')).toEqual(['最多跑一次率 (At most one visit)', '66.67', '%', '4', '6', '', '']);
    expect(find('95%等候时间 (P95 wait)')).toEqual(['95%等候时间 (P95 wait)', '15.60', '分钟 (min)', '', '', '', '']);
  });

  it('writes a daily row for every day, empty cells where nothing was measured', () => {
    const daily = sectionOf(rows, '每日统计 (Daily)').slice(1);
    expect(daily.map((r) => r[0])).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(daily[2]).toEqual(['2026-03-04', '0', '0', '2', '1', '', '', '']);
    expect(daily[0]).toEqual(['2026-03-02', '5', '4', '2', '0', '2.50', '4.13', '8.00']);
  });

  it('never writes NaN, null or undefined for an empty period', () => {
    const empty = formatHallReportCsv(
      buildHallReport({ hallId: 'xiaoshan', from: '2026-03-02', to: '2026-03-03', cases: [], tasks: [], ticketDays: [] }),
    );
    expect(empty).not.toMatch(/NaN|null|undefined|Infinity/);
    const figures = sectionOf(readCsv(empty.slice(1)), '主要指标 (Key figures)');
    expect(figures.find((r) => r[0]!.startsWith('前台集中受理率'))).toEqual([
      '前台集中受理率 (Front-desk concentration rate)', '', '%', '0', '0', '95.00', '',
    ]);
  });
});
