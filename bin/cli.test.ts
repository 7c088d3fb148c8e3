import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadXiaoshanCatalog } from '../core/index.ts';
import { runCli } from './cli.ts';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const tempFile = async (name: string, content: string) => {
  const file = join(await mkdtemp(join(tmpdir(), 'onewindow-cli-')), name);
  await writeFile(file, content);
  return file;
};

describe('onewindow search', () => {
  it('prints JSON results with code, name, department and score', async () => {
    const { code, out } = await run('search', '食品经营许可', '--json', '--limit', '3');
    expect(code).toBe(0);
    const results = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    for (const r of results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['code', 'name', 'department', 'score']));
    expect(results.map((r) => r.name)).toContain('食品经营许可（新办）');
    expect(results[0]?.department).toBe('市场监管局');
  });

  it('finds by pinyin initials and filters by department', async () => {
    const { out } = await run('search', 'sfz', '--json', '--department', 'gaj');
    const results = JSON.parse(out) as Array<{ name: string; departmentId: string }>;
    expect(results.map((r) => r.name)).toContain('居民身份证申领');
    expect(results.every((r) => r.departmentId === 'gaj')).toBe(true);
  });

  it('rejects a bad limit, an unknown department and an empty text as usage errors', async () => {
    expect((await run('search', 'x', '--limit', '0')).code).toBe(2);
    expect((await run('search', 'x', '--department', 'nope')).code).toBe(2);
    expect((await run('search', '  ')).code).toBe(2);
    expect((await run('search', 'x', '--bogus')).code).toBe(2);
  });
});

describe('onewindow matter', () => {
  it('prints the guide of a matter by implementation code and by basic code', async () => {
    const matter = loadXiaoshanCatalog().matters.find((m) => m.name === '食品经营许可（新办）')!;
    const byCode = await run('matter', matter.code, '--json');
    expect(byCode.code).toBe(0);
    expect(JSON.parse(byCode.out)).toMatchObject({ code: matter.code, name: matter.name, department: { name: '市场监管局' } });
    const text = await run('matter', matter.basicCode);
    expect(text.code).toBe(0);
    expect(text.out).toContain(matter.basicCode);
    expect(text.out).toContain('申请材料');
  });

  it('exits 1 for an unknown code', async () => {
    const { code, err } = await run('matter', 'NO-SUCH-CODE');
    expect(code).toBe(1);
    expect(err).toContain('NO-SUCH-CODE');
  });
});

describe('onewindow catalog', () => {
  it('validates the exported Xiaoshan catalog', async () => {
    const file = await tempFile('xiaoshan.json', (await run('catalog', 'export')).out);
    const { code, out } = await run('catalog', 'validate', file);
    expect(code).toBe(0);
    expect(out).toContain('catalog valid');
  });

  it('lists every problem of a broken catalog and exits non-zero', async () => {
    const catalog = structuredClone(loadXiaoshanCatalog()) as unknown as { matters: Array<Record<string, unknown>> };
    catalog.matters[1] = { ...catalog.matters[1], code: catalog.matters[0]!.code };
    catalog.matters[2] = { ...catalog.matters[2], departmentId: 'no-such-department' };
    catalog.matters[3] = { ...catalog.matters[3], materials: [] };
    const file = await tempFile('broken.json', JSON.stringify(catalog));
    const { code, err } = await run('catalog', 'validate', file);
    expect(code).toBe(1);
    expect(err).toContain('matters[1]');
    expect(err).toContain('matters[2]');
    expect(err).toContain('matters[3]');
    expect(Number(/(\d+) problem\(s\)/.exec(err)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('reports a file that is not JSON', async () => {
    const file = await tempFile('bad.json', '{ not json');
    expect((await run('catalog', 'validate', file)).code).toBe(1);
  });
});

describe('the installed bin', () => {
  it('runs as a real process through npx-style invocation', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/onewindow.js', 'search', 'gjj', '--json', '--limit', '5']);
    const results = JSON.parse(stdout) as Array<{ name: string }>;
    expect(results.some((r) => r.name.includes('住房公积金'))).toBe(true);
  }, 30_000);
});
