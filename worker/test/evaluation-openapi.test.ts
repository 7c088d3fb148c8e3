import { describe, expect, it } from 'vitest';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

const STAFF = { roles: ['back-office', 'hall-manager'], scopes: [] };

/** Who may call each: the citizen's ratings and follow-up are public, the rest is staff (issue 6's route table). */
const ACCESS: Record<string, unknown> = {
  'post /v1/cases/{number}/evaluation': 'public',
  'post /v1/halls/{hall}/tickets/{id}/evaluation': 'public',
  'post /v1/rectifications/{evaluationId}/follow-up': 'public',
  'post /v1/rectifications/{evaluationId}/appeal-decision': { roles: ['hall-manager'], scopes: [] },
  'get /v1/halls/{hall}/report': { roles: ['hall-manager'], scopes: ['hall:run'] },
};

const ROUTES = [
  ['post', '/v1/cases/{number}/evaluation', '201'],
  ['post', '/v1/halls/{hall}/tickets/{id}/evaluation', '201'],
  ['get', '/v1/evaluations/{id}', '200'],
  ['get', '/v1/rectifications', '200'],
  ['post', '/v1/rectifications/{evaluationId}/contact', '200'],
  ['post', '/v1/rectifications/{evaluationId}/reply', '200'],
  ['post', '/v1/rectifications/{evaluationId}/close', '200'],
  ['post', '/v1/rectifications/{evaluationId}/appeal', '200'],
  ['post', '/v1/rectifications/{evaluationId}/appeal-decision', '200'],
  ['post', '/v1/rectifications/{evaluationId}/follow-up', '200'],
  ['get', '/v1/halls/{hall}/report', '200'],
] as const;

describe('the evaluation and report routes in the OpenAPI document', () => {
  it('are all there, bilingual, with their access and an example success reply', async () => {
    const doc = await readDocument();
    for (const [method, path, status] of ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!['x-access'], `${method} ${path}`).toEqual(ACCESS[`${method} ${path}`] ?? STAFF);
      expect(op!.tags).toEqual([path.endsWith('/report') ? 'reports' : 'evaluation']);
      expect(op!.summary).toMatch(/\p{Script=Han}.* [A-Z]/u);
      expect(op!.description).toMatch(/\p{Script=Han}/u);
      expect(op!.description).toMatch(/[a-z]{4,}/);
      expect(op!.responses[status]?.content?.['application/json']?.example, `${method} ${path}`).toBeDefined();
      expect(readErrorCodes(op!, '500')).toEqual(['INTERNAL']);
    }
  });

  it('list the error codes each can return', async () => {
    const doc = await readDocument();
    const rateCase = doc.paths['/v1/cases/{number}/evaluation']!.post!;
    expect(readErrorCodes(rateCase, '409').sort()).toEqual(['EVALUATION_ALREADY_GIVEN', 'EVALUATION_NOT_OPEN']);
    expect(readErrorCodes(rateCase, '404')).toEqual(['CASE_NOT_FOUND']);
    const rateTicket = doc.paths['/v1/halls/{hall}/tickets/{id}/evaluation']!.post!;
    expect(readErrorCodes(rateTicket, '404').sort()).toEqual(['HALL_NOT_FOUND', 'TICKET_NOT_FOUND']);
    const contact = doc.paths['/v1/rectifications/{evaluationId}/contact']!.post!;
    expect(readErrorCodes(contact, '409')).toEqual(['RECTIFICATION_STATE_CONFLICT']);
    expect(readErrorCodes(contact, '404')).toEqual(['EVALUATION_NOT_FOUND']);
    const report = doc.paths['/v1/halls/{hall}/report']!.get!;
    expect(readErrorCodes(report, '400').sort()).toEqual(['INVALID_DATE', 'INVALID_INPUT']);
    expect(report.parameters?.map((p) => [p.name, p.in, p.required ?? false])).toEqual([
      ['hall', 'path', true],
      ['from', 'query', true],
      ['to', 'query', true],
      ['format', 'query', false],
    ]);
    // The CSV is documented beside the JSON, with an example that opens with the BOM.
    expect(String(report.responses['200']?.content?.['text/csv']?.example).startsWith('\uFEFF报表信息')).toBe(true);
  });
});
