import { parseArgs } from 'node:util';
import { checkReportPeriod, type HallReport } from '../../core/index.ts';
import { formatHallReportTable } from '../format-report.ts';
import { EXIT, type CliIo } from '../io.ts';

/** Where `npm start` serves the worker (wrangler dev). */
export const DEFAULT_URL = 'http://127.0.0.1:8787';

export interface ReportOptions {
  readonly hall: string;
  readonly from: string;
  readonly to: string;
  readonly format: 'table' | 'csv' | 'json';
  readonly url: URL;
}

/** The arguments, checked before anything is sent: a usage error names what is wrong. */
export const parseReportArgs = (args: readonly string[]): { ok: true; value: ReportOptions } | { ok: false; message: string } => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      hall: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      url: { type: 'string' },
    },
  });
  if (positionals.length > 0) return { ok: false, message: `多余的参数 unexpected argument: ${positionals[0]}` };
  const { hall, from, to } = values;
  if (!hall || !from || !to) return { ok: false, message: '需要 --hall、--from 和 --to / --hall, --from and --to are required' };
  const period = checkReportPeriod(from, to);
  if (!period.ok) {
    const d = period.error.details ?? {};
    const why =
      period.error.code === 'INVALID_DATE'
        ? `--${String(d.field)} 不是有效日期 is not a YYYY-MM-DD date: ${String(d.date)}`
        : d.reason === 'from-after-to'
          ? '--from 晚于 --to / --from is after --to'
          : `统计期过长 the period is too long: ${String(d.days)} days (at most ${String(d.maxDays)})`;
    return { ok: false, message: why };
  }
  if (values.csv && values.json) return { ok: false, message: '--csv 与 --json 只能选一个 / choose one of --csv and --json' };
  let url: URL;
  try {
    url = new URL(values.url ?? DEFAULT_URL);
  } catch {
    return { ok: false, message: `--url 无效 not a URL: ${values.url}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `--url 须为 http(s) must be http(s): ${values.url}` };
  return { ok: true, value: { hall, from, to, format: values.csv ? 'csv' : values.json ? 'json' : 'table', url } };
};

/** GET /v1/halls/{hall}/report on the worker at `url`. */
export const buildReportUrl = (options: ReportOptions): URL => {
  const url = new URL(`v1/halls/${encodeURIComponent(options.hall)}/report`, options.url.href.endsWith('/') ? options.url : `${options.url.href}/`);
  url.searchParams.set('from', options.from);
  url.searchParams.set('to', options.to);
  url.searchParams.set('format', options.format === 'csv' ? 'csv' : 'json');
  return url;
};

/** The error model's text, when the body is one. */
const describeFailure = (status: number, body: string): string => {
  try {
    const { error } = JSON.parse(body) as { error: { code: string; message: string; messageEn: string; details?: unknown } };
    const details = error.details === undefined ? '' : ` ${JSON.stringify(error.details)}`;
    return `${status} ${error.code}: ${error.message} / ${error.messageEn}${details}`;
  } catch {
    return `${status}: ${body.slice(0, 200)}`;
  }
};

/**
 * `onewindow report --hall ID --from YYYY-MM-DD --to YYYY-MM-DD [--csv | --json] [--url URL]`: the hall report
 * from a running worker (its HTTP API; `npm start` serves one on 127.0.0.1:8787), printed as a table of the
 * headline figures, or the CSV for Excel (BOM kept: redirect it to a file), or the JSON. `fetchImpl` is for tests.
 */
export const runReportCommand = async (args: readonly string[], io: CliIo, fetchImpl: typeof fetch = fetch): Promise<number> => {
  const parsed = parseReportArgs(args);
  if (!parsed.ok) {
    io.err(parsed.message);
    return EXIT.usage;
  }
  const options = parsed.value;
  const url = buildReportUrl(options);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: options.format === 'csv' ? 'text/csv' : 'application/json' } });
  } catch (error) {
    io.err(`无法连接 cannot reach ${options.url.origin} (${error instanceof Error ? error.message : String(error)}); 先运行 npm start? is the worker running?`);
    return EXIT.problem;
  }
  // The BOM is part of the CSV (Excel reads UTF-8 by it): decode without dropping it.
  const body = new TextDecoder('utf-8', { ignoreBOM: true, fatal: false }).decode(await response.arrayBuffer());
  if (!response.ok) {
    io.err(describeFailure(response.status, body));
    return EXIT.problem;
  }
  if (options.format === 'csv') io.out(body.replace(/\r\n$/, ''));
  else if (options.format === 'json') io.out(JSON.stringify(JSON.parse(body), null, 2));
  else io.out(formatHallReportTable(JSON.parse(body) as HallReport));
  return EXIT.ok;
};
