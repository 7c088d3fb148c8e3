import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests never talk to Cloudflare: no metrics, no fetch of the Request.cf placeholder.
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

// A throwaway certificate signing key per test run (ECDSA P-256, PKCS#8 PEM), given to the worker as the
// CERT_SIGNING_KEY secret would be: tests sign and verify for real, and no key is ever committed.
const certificateSigningKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

// A throwaway staff-token secret per run, as the AUTH_TOKEN_SECRET secret would be: worker/test/credentials.ts
// mints real tokens with it.
const authTokenSecret = randomBytes(32).toString('hex');

// Two projects: the pure core (and the CLI) in Node; the edge inside real workerd through miniflare.
export default defineConfig({
  test: {
    // The worker's one-line-per-request log (worker/request-log.ts) would drown the test output; tests that
    // check it spy on console.log, which sees every line whatever this filter drops.
    onConsoleLog: (log) => !log.startsWith('{"level":'),
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['core/**/*.test.ts', 'bin/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
                CERT_SIGNING_KEY: certificateSigningKey,
                AUTH_TOKEN_SECRET: authTokenSecret,
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['worker/test/**/*.test.ts'],
          globalSetup: ['./worker/test/global-setup-webhook-receiver.ts'],
          setupFiles: ['./worker/test/apply-migrations.ts'],
        },
      },
    ],
  },
});
