import type { D1Migration } from '@cloudflare/vitest-pool-workers';
import type { Env } from '../env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends ProvidedEnv {}
  }
}
interface ProvidedEnv extends Env {
  TEST_MIGRATIONS: D1Migration[];
}
