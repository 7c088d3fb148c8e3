import { describe, expect, it } from 'vitest';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

const ROUTES = [
  ['get', '/v1/certificates/public-key', 'application/json'],
  ['get', '/v1/certificates/verify-qr', 'application/json'],
  ['post', '/v1/certificates/verify-qr', 'application/json'],
  ['get', '/v1/certificates/{identifier}/verify', 'application/json'],
  ['get', '/v1/certificates/{identifier}', 'application/json'],
  ['get', '/v1/certificates/{identifier}/pdf', 'application/pdf'],
  ['post', '/v1/certificates/{identifier}/revoke', 'application/json'],
  ['post', '/v1/certificates/{identifier}/cancel', 'application/json'],
  ['post', '/v1/certificates/{identifier}/reissue', 'application/json'],
  ['post', '/v1/cases/{number}/pickup', 'application/json'],
  ['post', '/v1/cases/{number}/mail', 'application/json'],
  ['post', '/v1/cases/{number}/delivered', 'application/json'],
  ['post', '/v1/cases/{number}/certificates', 'application/json'],
] as const;

describe('the certificate and delivery routes in the OpenAPI document', () => {
  it('are all there, in Chinese and English, with an example success reply (JSON) and their error codes', async () => {
    const doc = await readDocument();
    for (const [method, path, media] of ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.summary).toMatch(/\p{Script=Han}.* [A-Z]/u);
      expect(op!.description).toMatch(/\p{Script=Han}/u);
      expect(op!.description).toMatch(/[a-z]{4,}/);
      const content = op!.responses['200']?.content?.[media];
      expect(content?.schema, `${method} ${path}`).toBeDefined();
      if (media === 'application/json') expect(content?.example, `${method} ${path}`).toBeDefined();
    }
    const verify = doc.paths['/v1/certificates/{identifier}/verify']!.get!;
    expect(verify['x-access']).toBe('public');
    expect(readErrorCodes(verify, '400').sort()).toEqual(['CERTIFICATE_IDENTIFIER_INVALID', 'INVALID_INPUT']);
    expect(readErrorCodes(verify, '404')).toEqual(['CERTIFICATE_NOT_FOUND']);
    expect(readErrorCodes(verify, '503')).toEqual(['CERTIFICATE_SIGNING_UNAVAILABLE']);
    const pickup = doc.paths['/v1/cases/{number}/pickup']!.post!;
    // A wrong role or another department is FORBIDDEN; a collector the window may not hand the results to, PICKUP_NOT_AUTHORISED.
    expect(readErrorCodes(pickup, '403').sort()).toEqual(['FORBIDDEN', 'PICKUP_NOT_AUTHORISED']);
    expect(readErrorCodes(pickup, '401')).toEqual(['UNAUTHENTICATED']);
    expect(pickup['x-access']).toEqual({ roles: ['issuing-window'], scopes: [] });
    expect(doc.paths['/v1/certificates/{identifier}/revoke']!.post!['x-access']).toEqual({ roles: ['back-office'], scopes: [] });
    expect(readErrorCodes(pickup, '409')).toEqual(['PICKUP_NOT_READY']);
    expect(readErrorCodes(doc.paths['/v1/certificates/{identifier}/revoke']!.post!, '409')).toEqual(['CERTIFICATE_STATUS_CONFLICT']);
  });
});
