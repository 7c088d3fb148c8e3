#!/usr/bin/env node
// The `onewindow` CLI: a Node shell over core/index.ts. tsx runs the TypeScript sources directly,
// so `npm ci` is all it needs (no build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
});
