import { describe, expect, it } from 'vitest';
import { call } from './case-helpers.ts';

type Access = 'public' | { roles: string[]; scopes: string[] };
interface Document {
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<string, Record<string, { 'x-access': Access; security?: Record<string, string[]>[] }>>;
}

describe('the OpenAPI document declares the credentials each route takes', () => {
  it('publishes both bearer schemes and gives every operation the security its x-access implies', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as Document;
    expect(doc.components.securitySchemes.staffToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const access = op['x-access'];
        const expected =
          access === 'public'
            ? []
            : [...(access.roles.length ? [{ staffToken: [] }] : []), ...(access.scopes.length ? [{ apiKey: [] }] : [])];
        expect(op.security, `${method.toUpperCase()} ${path}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(doc.paths['/v1/tasks/{id}/claim']!.post!.security).toEqual([{ staffToken: [] }]);
    expect(doc.paths['/v1/track/{number}']!.get!.security).toEqual([]);
  });
});
