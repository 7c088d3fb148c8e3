import type { D1Migration } from '@cloudflare/vitest-pool-workers';
import type { Env } from '../env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends ProvidedEnv {}
    // Types `exports` from 'cloudflare:workers' after the worker's main module.
    interface GlobalProps {
      mainModule: typeof import('../index.ts');
    }
  }
}
interface ProvidedEnv extends Env {
  TEST_MIGRATIONS: D1Migration[];
}
