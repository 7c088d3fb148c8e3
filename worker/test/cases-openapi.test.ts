import { describe, expect, it } from 'vitest';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

const CASE_ROUTES = [
  ['post', '/v1/cases', '201'],
  ['get', '/v1/cases/{number}', '200'],
  ['post', '/v1/cases/{number}/corrections', '200'],
  ['get', '/v1/cases/{number}/audit', '200'],
  ['get', '/v1/departments/{id}/tasks', '200'],
  ['post', '/v1/tasks/{id}/claim', '200'],
  ['post', '/v1/tasks/{id}/decision', '200'],
  ['get', '/v1/track/{number}', '200'],
  ['get', '/v1/applicants/{id}/materials', '200'],
] as const;

describe('the case routes in the OpenAPI document', () => {
  it('are all there, in Chinese and English, with an example success reply', async () => {
    const doc = await readDocument();
    for (const [method, path, status] of CASE_ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.summary).toMatch(/\p{Script=Han}.* [A-Z]/u);
      expect(op!.description).toMatch(/\p{Script=Han}/u);
      expect(op!.description).toMatch(/[a-z]{4,}/);
      expect(op!.responses[status]?.content?.['application/json']?.example, `${method} ${path}`).toBeDefined();
    }
  });

  it('list the error codes each can return', async () => {
    const doc = await readDocument();
    const intake = doc.paths['/v1/cases']!.post!;
    expect(readErrorCodes(intake, '422').sort()).toEqual([
      'BUNDLE_CHOICE_INVALID',
      'CALENDAR_YEAR_UNKNOWN',
      'IDEMPOTENCY_KEY_REUSED',
      'MATERIALS_INCOMPLETE',
      'MATTER_NOT_ACCEPTED_HERE',
    ]);
    expect(intake.parameters?.map((p) => [p.name, p.in])).toEqual([['idempotency-key', 'header']]);
    expect(readErrorCodes(doc.paths['/v1/tasks/{id}/claim']!.post!, '409').sort()).toEqual(['TASK_ALREADY_CLAIMED', 'TASK_ALREADY_DECIDED', 'TASK_NOT_RELEASED']);
    expect(readErrorCodes(doc.paths['/v1/track/{number}']!.get!, '404')).toEqual(['CASE_NOT_FOUND']);
    expect(readErrorCodes(doc.paths['/v1/departments/{id}/tasks']!.get!, '404')).toEqual(['DEPARTMENT_NOT_FOUND']);
    expect(readErrorCodes(doc.paths['/v1/applicants/{id}/materials']!.get!, '404')).toEqual(['APPLICANT_NOT_FOUND']);
    // The public tracking page is public; staff routes declare their roles and scopes (issue 6's route table).
    expect(doc.paths['/v1/track/{number}']!.get!['x-access']).toBe('public');
    expect(doc.paths['/v1/cases/{number}']!.get!['x-access']).toEqual({
      roles: ['front-desk', 'back-office', 'issuing-window', 'hall-manager'],
      scopes: ['cases:submit'],
    });
    expect(doc.paths['/v1/tasks/{id}/decision']!.post!['x-access']).toEqual({ roles: ['back-office'], scopes: [] });
    expect(doc.paths['/v1/cases/{number}/audit']!.get!['x-access']).toEqual({ roles: ['hall-manager', 'admin'], scopes: [] });
    expect(readErrorCodes(doc.paths['/v1/tasks/{id}/claim']!.post!, '403')).toEqual(['FORBIDDEN']);
  });
});
