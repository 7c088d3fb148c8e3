import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A bench script in a fresh Node process (cold JIT, clean heap, its own memory limit), speaking JSON lines on
 * stdout. A step deadline kills it when one step runs too long (a library building for over a minute).
 */

export interface ChildMessage {
  readonly event: string;
  readonly [key: string]: unknown;
}

export interface ChildOutcome {
  readonly messages: readonly ChildMessage[];
  readonly exitCode: number | null;
  /** Set when the child was killed at a deadline: which step it was in. */
  readonly timedOutIn?: string;
  readonly stderr: string;
}

export interface ChildOptions {
  /** Deadline per step, keyed by the event that starts it (`start` = spawn); steps without one are unbounded. */
  readonly deadlines: Readonly<Record<string, number>>;
  readonly onMessage?: (message: ChildMessage) => void;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const runChild = (script: string, args: readonly string[], options: ChildOptions): Promise<ChildOutcome> =>
  new Promise((resolve) => {
    const scriptPath = fileURLToPath(new URL(script, import.meta.url));
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', scriptPath, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const messages: ChildMessage[] = [];
    let stderr = '';
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    let timedOutIn: string | undefined;

    const arm = (step: string): void => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const ms = options.deadlines[step];
      if (ms === undefined) return;
      timer = setTimeout(() => {
        timedOutIn = step;
        child.kill('SIGKILL');
      }, ms);
    };

    arm('start');
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as ChildMessage;
        messages.push(message);
        options.onMessage?.(message);
        arm(message.event);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('close', (exitCode) => {
      if (timer) clearTimeout(timer);
      resolve({ messages, exitCode, stderr, ...(timedOutIn === undefined ? {} : { timedOutIn }) });
    });
  });

/** For the child side: one JSON line per event. */
export const sendToParent = (message: ChildMessage): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};
