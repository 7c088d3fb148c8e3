import { describe, expect, it } from 'vitest';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

const ADMIN = { roles: ['admin'], scopes: ['admin'] };
const EVERYONE = { roles: ['front-desk', 'back-office', 'issuing-window', 'hall-manager', 'admin'], scopes: ['catalog:read', 'cases:submit', 'hall:run', 'admin'] };

describe('the auth and tenant routes in the OpenAPI document', () => {
  it.each([
    ['/v1/auth/token', 'post', 'public', { 401: ['INVALID_CREDENTIALS'], 429: ['RATE_LIMITED'], 503: ['AUTH_UNAVAILABLE'] }],
    ['/v1/auth/me', 'get', EVERYONE, { 401: ['UNAUTHENTICATED'] }],
    ['/v1/tenants/{tenant}', 'get', EVERYONE, { 404: ['TENANT_NOT_FOUND'] }],
    ['/v1/tenants/{tenant}/keys', 'get', ADMIN, { 404: ['TENANT_NOT_FOUND'] }],
    ['/v1/tenants/{tenant}/keys', 'post', ADMIN, { 404: ['TENANT_NOT_FOUND'] }],
    ['/v1/tenants/{tenant}/keys/{id}', 'delete', ADMIN, { 404: ['TENANT_NOT_FOUND', 'API_KEY_NOT_FOUND'] }],
    ['/v1/tenants/{tenant}/staff', 'get', ADMIN, { 404: ['TENANT_NOT_FOUND'] }],
    ['/v1/tenants/{tenant}/staff', 'post', ADMIN, { 404: ['TENANT_NOT_FOUND'], 409: ['STAFF_ACCOUNT_EXISTS'] }],
  ])('%s %s declares its access and error codes', async (path, method, access, errors) => {
    const op = (await readDocument()).paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(op!['x-access']).toEqual(access);
    expect(op!.tags).toEqual([path.startsWith('/v1/auth') ? 'auth' : 'tenants']);
    for (const [status, codes] of Object.entries(errors)) expect(readErrorCodes(op!, status)).toEqual(expect.arrayContaining(codes));
  });

  it('documents Retry-After on the sign-in 429 and the key text only in the issue reply', async () => {
    const { paths } = await readDocument();
    const signIn = paths['/v1/auth/token']!.post as unknown as { responses: Record<string, { headers?: Record<string, unknown> }> };
    expect(signIn.responses['429']?.headers).toHaveProperty('Retry-After');
    const document = (await readDocument()) as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    const schemas = document.components.schemas;
    expect(JSON.stringify(schemas.CreatedApiKey)).toMatch(/"properties":\{"key":/);
    expect(Object.keys(schemas.ApiKey!.properties).join()).not.toMatch(/key$|secret|hash/i);
    expect(Object.keys(schemas.StaffAccount!.properties).join()).not.toMatch(/password|hash/i);
  });
});
