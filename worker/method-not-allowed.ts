/**
 * Which methods a path answers to, from the app's registered routes: lets the not-found handler tell
 * "no such endpoint" (404) from "this endpoint, another method" (405 with `Allow`).
 */
export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const toPattern = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : escapeRegExp(part)))
      .join('/')}$`,
  );

/** Builds the lookup once (routes are fixed after start-up); middleware (`ALL`) does not count. */
export const compileAllowedMethods = (routes: readonly RegisteredRoute[]) => {
  const compiled = routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ method: route.method, pattern: toPattern(route.path) }));
  return (path: string): string[] => {
    const methods = new Set(compiled.filter((route) => route.pattern.test(path)).map((route) => route.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
};
