/**
 * `npm start`: migrate the local D1, seed it, then run wrangler dev on http://127.0.0.1:8787.
 * Everything stays on this machine: local D1 (SQLite under .wrangler/), no Cloudflare account, no metrics.
 */
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDemoCredentials } from './demo-credentials.ts';
import { buildSeedSql } from './seed-local.ts';

// No metrics, and no fetch of Request.cf from Cloudflare: local runs never touch Cloudflare's network.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: process.env.CI ?? 'true' };
const wrangler = (args: string[]) => {
  const run = spawnSync('npx', ['wrangler', ...args], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`wrangler ${args.join(' ')} failed (exit ${run.status})`);
    process.exit(run.status ?? 1);
  }
};

/**
 * 电子证照签名密钥 for local runs: a development ECDSA P-256 key (PKCS#8, base64 DER on one line) written into
 * .dev.vars (git-ignored; wrangler dev reads it as secrets) when none is there. Never used anywhere else:
 * production sets its own with `wrangler secret put CERT_SIGNING_KEY`.
 */
const ensureDevSigningKey = (file = '.dev.vars'): void => {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (/^CERT_SIGNING_KEY\s*=/m.test(current)) return;
  const der = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' });
  const line = `# Development-only certificate signing key (ECDSA P-256, PKCS#8 base64), written by npm start.\nCERT_SIGNING_KEY=${der.toString('base64')}\n`;
  appendFileSync(file, `${current === '' || current.endsWith('\n') ? '' : '\n'}${line}`);
  console.log('▶ 已生成开发用电子证照签名密钥 wrote a DEVELOPMENT certificate signing key to .dev.vars (not for production: use `wrangler secret put CERT_SIGNING_KEY`)');
};
ensureDevSigningKey();

/**
 * The staff-token secret for local runs (HMAC-SHA256, 32 random bytes as hex), written into .dev.vars when none is
 * there, so staff can sign in. Tokens signed with it are only good on this machine; production sets its own with
 * `wrangler secret put AUTH_TOKEN_SECRET`.
 */
const ensureDevTokenSecret = (file = '.dev.vars'): void => {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (/^AUTH_TOKEN_SECRET\s*=/m.test(current)) return;
  const line = `# Development-only staff-token secret (HMAC-SHA256), written by npm start.\nAUTH_TOKEN_SECRET=${randomBytes(32).toString('hex')}\n`;
  appendFileSync(file, `${current === '' || current.endsWith('\n') ? '' : '\n'}${line}`);
  console.log('▶ 已生成开发用登录令牌密钥 wrote a DEVELOPMENT staff-token secret to .dev.vars (not for production: use `wrangler secret put AUTH_TOKEN_SECRET`)');
};
ensureDevTokenSecret();

const port = process.env.PORT ?? '8787';
console.log('▶ 迁移本地数据库 migrating the local D1 …');
wrangler(['d1', 'migrations', 'apply', 'DB', '--local']);

console.log('▶ 写入演示数据 seeding the demo data …');
const seedFile = join(mkdtempSync(join(tmpdir(), 'onewindow-seed-')), 'seed.sql');
writeFileSync(seedFile, buildSeedSql());
wrangler(['d1', 'execute', 'DB', '--local', '--file', seedFile]);

console.log(`▶ 启动 starting wrangler dev on http://127.0.0.1:${port}
   接口文档 API docs:   http://127.0.0.1:${port}/docs
   查找事项 search:     http://127.0.0.1:${port}/v1/matters?q=开饭店
   演示大厅 demo hall:  http://127.0.0.1:${port}/v1/halls/xiaoshan/queue  (29 windows, open them with POST …/windows/{n}/open as xs-front-desk)
   健康检查 health:     http://127.0.0.1:${port}/v1/health
   证照公钥 cert key:   http://127.0.0.1:${port}/v1/certificates/public-key  (development key from .dev.vars)`);
console.log(describeDemoCredentials(`http://127.0.0.1:${port}`));
const dev = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', port, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
const stop = (signal: NodeJS.Signals) => dev.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));
