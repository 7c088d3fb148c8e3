import { describe, expect, it } from 'vitest';
import { buildHallReport, createWaitHistogram, formatHallReportCsv, recordWait, type HallReport, type ReportTicketDay } from '../core/index.ts';
import { runCli } from './cli.ts';
import { buildReportUrl, parseReportArgs, runReportCommand } from './commands/report.ts';
import { displayWidth, formatHallReportTable } from './format-report.ts';

const MIN = 60_000;

const ticketDay = (date: string, taken: number, waits: readonly number[], handlings: readonly number[]): ReportTicketDay => {
  const histogram = createWaitHistogram();
  for (const w of waits) recordWait(histogram, w * MIN);
  return {
    date,
    taken,
    served: handlings.length,
    waitCount: waits.length,
    waitSumMs: waits.reduce((a, b) => a + b, 0) * MIN,
    waitHistogram: Array.from(histogram),
    handlingCount: handlings.length,
    handlingSumMs: handlings.reduce((a, b) => a + b, 0) * MIN,
  };
};

/** A report as the worker answers it (built by core, through JSON): three days, four cases, five ratings. */
const RECORDED: HallReport = JSON.parse(
  JSON.stringify(
    buildHallReport({
      hallId: 'xiaoshan',
      from: '2026-11-23',
      to: '2026-11-25',
      cases: [
        { number: 'C1', intakePoint: 'general-window', acceptedOn: '2026-11-23', completedOn: '2026-11-24', bundleId: null, plan: null, matterVisits: [1], visits: 1 },
        { number: 'C2', intakePoint: 'department-window', acceptedOn: '2026-11-23', completedOn: '2026-11-25', bundleId: null, plan: null, matterVisits: [1], visits: 2 },
        { number: 'C3', intakePoint: 'general-window', acceptedOn: '2026-11-24', completedOn: '2026-11-25', bundleId: 'civil-defence-works', plan: { criticalPathDays: 5, sequentialDays: 10 }, matterVisits: [1, 1], visits: 1 },
        { number: 'C4', intakePoint: 'online', acceptedOn: '2026-11-24', completedOn: null, bundleId: null, plan: null, matterVisits: [0], visits: 0 },
      ],
      tasks: [
        { departmentId: 'scjg', matterCode: 'm1', releasedOn: '2026-11-23', dueOn: '2026-12-07', decidedOn: '2026-11-24', decision: 'approved', promisedDays: 10 },
        { departmentId: 'gaj', matterCode: 'm2', releasedOn: '2026-11-23', dueOn: '2026-11-24', decidedOn: '2026-11-25', decision: 'approved', promisedDays: 1 },
      ],
      ticketDays: [ticketDay('2026-11-23', 4, [4, 6, 20], [16, 10, 10]), ticketDay('2026-11-24', 1, [2], [8])],
      evaluations: {
        byLevel: { 5: 1, 4: 1, 3: 1, 2: 1, 1: 1 },
        excluded: 1,
        rectifications: { onTime: 1, overdue: 1, open: 0 },
        appeals: { upheld: 1, rejected: 0, pending: 0 },
        followUps: { given: 0, satisfied: 0 },
      },
      departmentNames: { scjg: '市场监管局', gaj: '公安分局' },
    }),
  ),
) as HallReport;

/** A fetch that answers one reply and records what it was asked. */
const fakeFetch = (status: number, body: string | Uint8Array, contentType = 'application/json') => {
  const asked: string[] = [];
  const impl = (async (input: URL | RequestInfo) => {
    asked.push(String(input));
    return new Response(body, { status, headers: { 'content-type': contentType } });
  }) as typeof fetch;
  return { impl, asked };
};

const run = async (argv: string[], impl: typeof fetch) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, impl);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const ARGS = ['--hall', 'xiaoshan', '--from', '2026-11-23', '--to', '2026-11-25'];

describe('onewindow report: arguments', () => {
  it('reads the hall, the period, the format and the worker URL', () => {
    const parsed = parseReportArgs([...ARGS, '--csv', '--url', 'http://10.0.0.5:8787/api']);
    expect(parsed).toMatchObject({ ok: true, value: { hall: 'xiaoshan', from: '2026-11-23', to: '2026-11-25', format: 'csv' } });
    if (!parsed.ok) return;
    expect(buildReportUrl(parsed.value).href).toBe('http://10.0.0.5:8787/api/v1/halls/xiaoshan/report?from=2026-11-23&to=2026-11-25&format=csv');
    const table = parseReportArgs(ARGS);
    expect(table.ok && table.value.format).toBe('table');
    expect(table.ok && buildReportUrl(table.value).href).toBe('http://127.0.0.1:8787/v1/halls/xiaoshan/report?from=2026-11-23&to=2026-11-25&format=json');
  });

  it('refuses what the worker would refuse, before sending anything', async () => {
    const { impl, asked } = fakeFetch(200, '{}');
    for (const argv of [
      ['--hall', 'xiaoshan', '--from', '2026-11-23'],
      ['--from', '2026-11-23', '--to', '2026-11-25'],
      ['--hall', 'xiaoshan', '--from', '2026-02-30', '--to', '2026-03-01'],
      ['--hall', 'xiaoshan', '--from', '2026-11-25', '--to', '2026-11-23'],
      ['--hall', 'xiaoshan', '--from', '2024-01-01', '--to', '2026-11-23'],
      [...ARGS, '--csv', '--json'],
      [...ARGS, '--url', 'not a url'],
      [...ARGS, '--url', 'ftp://example.org'],
      [...ARGS, 'extra'],
    ]) {
      const { code, err } = await run(argv, impl);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(/\p{Script=Han}/u);
    }
    expect(asked).toEqual([]);
    // Through the CLI's dispatcher, an unknown option is a usage error too.
    expect(await runCli(['report', ...ARGS, '--bogus'], { out: () => {}, err: () => {} })).toBe(2);
  });
});

describe('onewindow report: output', () => {
  it('prints the headline figures as a readable table', async () => {
    const { impl, asked } = fakeFetch(200, JSON.stringify(RECORDED));
    const { code, out } = await run(ARGS, impl);
    expect(code).toBe(0);
    expect(asked).toEqual(['http://127.0.0.1:8787/v1/halls/xiaoshan/report?from=2026-11-23&to=2026-11-25&format=json']);
    expect(out).toBe(formatHallReportTable(RECORDED));
    const lines = out.split('\n');
    expect(lines[0]).toBe('大厅运行报表 Hall report · xiaoshan · 2026-11-23 – 2026-11-25 (3 天 days)');
    const line = (label: string) => lines.find((l) => l.startsWith(label)) ?? '';
    expect(line('前台集中受理率')).toMatch(/66\.7% \(2\/3\)\s+目标 goal ≥95\.0% 未达标 not met$/);
    expect(line('取号/办结')).toMatch(/5 \/ 4/);
    expect(line('平均等候')).toMatch(/8\.0 分钟 min/);
    expect(line('平均办理')).toMatch(/11\.0 分钟 min/);
    expect(line('按时办结率')).toMatch(/50\.0% \(1\/2\)/);
    expect(line('并联审批节省')).toMatch(/5\.0 工作日 days\s+1 件一件事 bundle cases/);
    expect(line('最多跑一次率')).toMatch(/66\.7% \(2\/3\)/);
    expect(line('满意率')).toMatch(/60\.0% \(3\/5\)/);
    expect(line('整改按时率')).toMatch(/50\.0% \(1\/2\)\s+超期 overdue 1; 整改中 open 0/);
    expect(line('公安分局 gaj')).toMatch(/^公安分局 gaj\s+0\s+1\s+0\.0%\s+0$/);
    expect(line('2026-11-23')).toMatch(/^2026-11-23\s+4\s+3\s+2\s+0\s+10\.0\s+\d+\.\d$/);
    expect(line('2026-11-25')).toMatch(/^2026-11-25\s+0\s+0\s+0\s+2\s+—\s+—$/);
    // Columns line up on a terminal (CJK two columns wide): every key figure ends at the same column, its note after.
    const key = lines.slice(2, lines.indexOf('', 2));
    expect(key).toHaveLength(14);
    const valueEnds = key.map((l) => {
      const [, , note] = l.split(/ {2,}/);
      return displayWidth(l) - (note === undefined ? 0 : displayWidth(note) + 2);
    });
    expect(new Set(valueEnds).size).toBe(1);
  });

  it('prints the CSV with its BOM, or the JSON', async () => {
    const csv = formatHallReportCsv(RECORDED);
    const { impl, asked } = fakeFetch(200, new TextEncoder().encode(csv), 'text/csv; charset=utf-8');
    const csvRun = await run([...ARGS, '--csv'], impl);
    expect(csvRun.code).toBe(0);
    expect(asked[0]).toMatch(/format=csv$/);
    expect(csvRun.out.startsWith('\uFEFF报表信息 (Report)\r\n')).toBe(true);
    expect(csvRun.out + '\r\n').toBe(csv);

    const json = await run([...ARGS, '--json'], fakeFetch(200, JSON.stringify(RECORDED)).impl);
    expect(JSON.parse(json.out)).toEqual(RECORDED);
  });

  it('says what went wrong: the error model, or no worker listening', async () => {
    const refused = JSON.stringify({ error: { code: 'HALL_NOT_FOUND', message: '未找到该服务大厅', messageEn: 'No hall has this id', details: { hall: 'x' }, requestId: 'r1' } });
    const failed = await run(ARGS, fakeFetch(404, refused).impl);
    expect(failed.code).toBe(1);
    expect(failed.err).toBe('404 HALL_NOT_FOUND: 未找到该服务大厅 / No hall has this id {"hall":"x"}');
    const down = await run(ARGS, (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    expect(down.code).toBe(1);
    expect(down.err).toContain('http://127.0.0.1:8787');
  });
});
