/**
 * Checks a catalog document of unknown origin (a tenant's upload, `onewindow catalog validate`, the seed
 * generator's output) and lists every problem at once. Never throws, whatever it is given.
 */
import { checkCreditCode } from '../review/credit-code.ts';
import {
  asObject,
  join,
  readArray,
  readBoolean,
  readCode,
  readCount,
  readString,
  readTextList,
  report,
  type CatalogProblem,
  type Obj,
  type Problems,
} from './catalog-problems.ts';
import {
  CASE_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_NECESSITY_LABELS,
  MATERIAL_SOURCE_LABELS,
  MATERIAL_TYPE_LABELS,
  MATTER_TYPE_LABELS,
  ONLINE_DEPTH_LABELS,
  RESULT_TYPE_LABELS,
  SERVICE_OBJECT_LABELS,
} from './labels.ts';
import { validateBundles, validateTimeLimit } from './validate-bundles.ts';

export { CATALOG_PROBLEM_MESSAGES, type CatalogProblem, type CatalogProblemCode } from './catalog-problems.ts';

/** GB 32100-2015, by the intake's own validator; a published catalog must hold codes in canonical form. */
const isValidCreditCode = (code: string): boolean => {
  const checked = checkCreditCode(code);
  return checked.ok && checked.value.value === code;
};

const validateDepartments = (problems: Problems, list: readonly unknown[]): Set<string> => {
  const ids = new Set<string>();
  list.forEach((value, i) => {
    const path = join('departments', i);
    const d = asObject(problems, value, path);
    if (!d) return;
    const id = readString(problems, d, 'id', path);
    if (id !== undefined) {
      if (ids.has(id)) report(problems, join(path, 'id'), 'DUPLICATE_DEPARTMENT_ID', id);
      ids.add(id);
    }
    readString(problems, d, 'name', path);
    readString(problems, d, 'fullName', path);
    readString(problems, d, 'phone', path);
    const credit = readString(problems, d, 'creditCode', path);
    if (credit !== undefined && !isValidCreditCode(credit)) report(problems, join(path, 'creditCode'), 'INVALID_CREDIT_CODE', credit);
  });
  return ids;
};

const validateMaterials = (problems: Problems, m: Obj, path: string): void => {
  const list = readArray(problems, m, 'materials', path);
  if (!list) return;
  if (list.length === 0) report(problems, join(path, 'materials'), 'NO_MATERIALS');
  const ids = new Set<string>();
  list.forEach((value, i) => {
    const at = join(join(path, 'materials'), i);
    const mat = asObject(problems, value, at);
    if (!mat) return;
    const id = readString(problems, mat, 'id', at);
    if (id !== undefined) {
      if (ids.has(id)) report(problems, join(at, 'id'), 'DUPLICATE_MATERIAL_ID', id);
      ids.add(id);
    }
    readString(problems, mat, 'name', at);
    readCode(problems, mat, 'type', at, MATERIAL_TYPE_LABELS);
    readCode(problems, mat, 'source', at, MATERIAL_SOURCE_LABELS);
    readCode(problems, mat, 'necessity', at, MATERIAL_NECESSITY_LABELS);
    readCode(problems, mat, 'form', at, MATERIAL_FORM_LABELS);
    readCount(problems, mat, 'originals', at);
    readCount(problems, mat, 'copies', at);
    readString(problems, mat, 'acceptanceStandard', at);
    readString(problems, mat, 'sampleNote', at, true);
    readString(problems, mat, 'instructions', at, true);
  });
};

const validateSteps = (problems: Problems, m: Obj, path: string): void => {
  const steps = readArray(problems, m, 'processSteps', path);
  if (!steps) return;
  if (steps.length === 0) report(problems, join(path, 'processSteps'), 'NO_PROCESS_STEPS');
  steps.forEach((value, i) => {
    const at = join(join(path, 'processSteps'), i);
    const step = asObject(problems, value, at);
    if (!step) return;
    readString(problems, step, 'name', at);
    readString(problems, step, 'description', at);
  });
};

/** Returns the matter's code and name for the catalog-wide duplicate checks. */
const validateMatter = (problems: Problems, m: Obj, path: string, departments: ReadonlySet<string>) => {
  const code = readString(problems, m, 'code', path);
  const basicCode = readString(problems, m, 'basicCode', path);
  if (code !== undefined && basicCode !== undefined && !code.startsWith(`${basicCode}-`)) {
    report(problems, join(path, 'code'), 'MATTER_CODE_MISMATCH', `${code} / ${basicCode}`);
  }
  readString(problems, m, 'itemCode', path, true);
  readCount(problems, m, 'version', path, 1);
  const name = readString(problems, m, 'name', path);
  readCode(problems, m, 'type', path, MATTER_TYPE_LABELS);
  const departmentId = readString(problems, m, 'departmentId', path);
  if (departmentId !== undefined && !departments.has(departmentId)) {
    report(problems, join(path, 'departmentId'), 'UNKNOWN_DEPARTMENT', departmentId);
  }
  const objects = readArray(problems, m, 'serviceObjects', path);
  if (objects?.length === 0) report(problems, join(path, 'serviceObjects'), 'NO_SERVICE_OBJECTS');
  objects?.forEach((value, i) => {
    if (typeof value !== 'string' || !Object.hasOwn(SERVICE_OBJECT_LABELS, value)) {
      report(problems, join(join(path, 'serviceObjects'), i), 'INVALID_CODE', JSON.stringify(value));
    }
  });
  readTextList(problems, m, 'acceptanceConditions', path, 'NO_ACCEPTANCE_CONDITIONS');
  validateSteps(problems, m, path);
  const caseKind = readCode(problems, m, 'caseKind', path, CASE_KIND_LABELS);
  const legal = validateTimeLimit(problems, m['legalLimit'], join(path, 'legalLimit'));
  const promised = validateTimeLimit(problems, m['promisedLimit'], join(path, 'promisedLimit'));
  if (legal && promised && exceeds(promised, legal)) {
    report(problems, join(path, 'promisedLimit'), 'PROMISED_EXCEEDS_LEGAL', `${promised.value} > ${legal.value}`);
  }
  if (caseKind && promised && (caseKind === 'instant') !== (promised.unit === 'on_the_spot')) {
    report(problems, join(path, 'caseKind'), 'CASE_KIND_MISMATCH', `${caseKind} / ${promised.unit}`);
  }
  readCount(problems, m, 'visits', path, 0, 2);
  readCode(problems, m, 'onlineDepth', path, ONLINE_DEPTH_LABELS);
  const fee = asObject(problems, m['fee'], join(path, 'fee'));
  if (fee) {
    readBoolean(problems, fee, 'charged', join(path, 'fee'));
    readString(problems, fee, 'basis', join(path, 'fee'), true);
  }
  readBoolean(problems, m, 'byCommitment', path);
  readBoolean(problems, m, 'siteInspection', path);
  for (const key of ['location', 'hours', 'consultationPhone', 'complaintPhone']) readString(problems, m, key, path);
  const result = asObject(problems, m['result'], join(path, 'result'));
  if (result) {
    readString(problems, result, 'name', join(path, 'result'));
    readCode(problems, result, 'type', join(path, 'result'), RESULT_TYPE_LABELS);
  }
  readTextList(problems, m, 'legalBasis', path, 'NO_LEGAL_BASIS');
  readTextList(problems, m, 'reviewPoints', path, 'NO_REVIEW_POINTS');
  validateMaterials(problems, m, path);
  return { code, name };
};

/** Only like units compare; a legal 即办 is exceeded by any promised period. */
const exceeds = (promised: { value: number; unit: string }, legal: { value: number; unit: string }): boolean =>
  legal.unit === 'on_the_spot' ? promised.unit !== 'on_the_spot' : promised.unit === legal.unit && promised.value > legal.value;

const validateMatters = (problems: Problems, list: readonly unknown[], departments: ReadonlySet<string>) => {
  const codes = new Set<string>();
  const names = new Set<string>();
  list.forEach((value, i) => {
    const path = join('matters', i);
    const m = asObject(problems, value, path);
    if (!m) return;
    const { code, name } = validateMatter(problems, m, path, departments);
    if (code !== undefined) {
      if (codes.has(code)) report(problems, join(path, 'code'), 'DUPLICATE_MATTER_CODE', code);
      codes.add(code);
    }
    if (name !== undefined) {
      if (names.has(name)) report(problems, join(path, 'name'), 'DUPLICATE_MATTER_NAME', name);
      names.add(name);
    }
  });
  return { codes, names };
};

const validateAliases = (problems: Problems, list: readonly unknown[], names: ReadonlySet<string>): void => {
  list.forEach((value, i) => {
    const path = join('aliases', i);
    const alias = asObject(problems, value, path);
    if (!alias) return;
    readString(problems, alias, 'phrase', path);
    const targets = readTextList(problems, alias, 'matterNames', path, 'UNKNOWN_ALIAS_TARGET');
    targets?.forEach((name, k) => {
      if (!names.has(name)) report(problems, join(join(path, 'matterNames'), k), 'UNKNOWN_ALIAS_TARGET', name);
    });
  });
};

export const validateCatalog = (doc: unknown): CatalogProblem[] => {
  const problems: Problems = [];
  const root = asObject(problems, doc, '$');
  if (!root) return problems;
  for (const key of ['id', 'version', 'notice']) readString(problems, root, key, '$');
  const region = asObject(problems, root['region'], 'region');
  if (region) {
    readString(problems, region, 'code', 'region');
    readString(problems, region, 'name', 'region');
  }
  const departments = validateDepartments(problems, readArray(problems, root, 'departments', '$') ?? []);
  const { codes, names } = validateMatters(problems, readArray(problems, root, 'matters', '$') ?? [], departments);
  validateBundles(problems, readArray(problems, root, 'bundles', '$') ?? [], codes);
  validateAliases(problems, readArray(problems, root, 'aliases', '$') ?? [], names);
  return problems;
};
