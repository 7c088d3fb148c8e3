/**
 * What the catalog validator reports, and the small field readers it checks shapes with. Readers never throw:
 * on a wrong shape they record a problem and return undefined, so checking goes on and every problem is
 * reported at once (一次性告知, applied to data).
 */

/** Stable codes, each with its Chinese and English message. Add, never rename. */
export const CATALOG_PROBLEM_MESSAGES = {
  /** The document (or a nested value that must be an object) is not an object. */
  NOT_AN_OBJECT: ['应为对象', 'must be an object'],
  /** A required field is absent or null. */
  FIELD_MISSING: ['缺少必填字段', 'required field is missing'],
  /** A field has the wrong JSON type. */
  FIELD_WRONG_TYPE: ['字段类型错误', 'field has the wrong type'],
  /** A required text field is empty. */
  FIELD_EMPTY: ['字段不能为空', 'field must not be empty'],
  /** A coded field holds a code outside its code table. */
  INVALID_CODE: ['代码值不在代码表中', 'code is not in the code table'],
  /** A count (version, originals, copies, visits) is not a non-negative integer in range. */
  INVALID_COUNT: ['数量必须为范围内的非负整数', 'count must be a non-negative integer in range'],
  DUPLICATE_DEPARTMENT_ID: ['重复的部门标识', 'duplicate department id'],
  /** A department's 统一社会信用代码 fails the GB 32100 check character. */
  INVALID_CREDIT_CODE: ['统一社会信用代码校验失败', 'unified social credit code fails its check'],
  DUPLICATE_MATTER_CODE: ['重复的实施编码', 'duplicate matter code'],
  DUPLICATE_MATTER_NAME: ['重复的事项名称', 'duplicate matter name'],
  /** The 实施编码 does not begin with the matter's 基本编码. */
  MATTER_CODE_MISMATCH: ['实施编码与基本编码不一致', 'matter code does not start with its basic code'],
  UNKNOWN_DEPARTMENT: ['实施主体不在部门列表中', 'department is not in the catalog'],
  NO_MATERIALS: ['未列明申请材料', 'matter lists no materials'],
  NO_ACCEPTANCE_CONDITIONS: ['未列明受理条件', 'matter lists no acceptance conditions'],
  NO_REVIEW_POINTS: ['未列明审查要点', 'matter lists no review points'],
  NO_PROCESS_STEPS: ['未列明办理流程', 'matter lists no process steps'],
  NO_LEGAL_BASIS: ['未列明设定依据', 'matter lists no legal basis'],
  NO_SERVICE_OBJECTS: ['未列明服务对象', 'matter lists no service objects'],
  /** 即办件 must have an on-the-spot promised limit, and 承诺件 must not. */
  CASE_KIND_MISMATCH: ['办件类型与承诺时限不一致', 'case kind does not match the promised limit'],
  LIMIT_INVALID_UNIT: ['时限单位无效', 'time limit unit is invalid'],
  LIMIT_INVALID_VALUE: ['时限必须为非负整数', 'time limit must be a non-negative integer'],
  LIMIT_ON_THE_SPOT_NONZERO: ['即办时限的数值必须为0', 'an on-the-spot limit must have value 0'],
  PROMISED_EXCEEDS_LEGAL: ['承诺时限长于法定时限', 'promised limit is longer than the legal limit'],
  DUPLICATE_MATERIAL_ID: ['同一事项内材料标识重复', 'duplicate material id within the matter'],
  DUPLICATE_BUNDLE_ID: ['重复的“一件事”标识', 'duplicate bundle id'],
  NO_BUNDLE_MEMBERS: ['“一件事”没有成员事项', 'bundle has no members'],
  DUPLICATE_MEMBER_KEY: ['“一件事”成员标识重复', 'duplicate member key in the bundle'],
  /** A member lists no matter code. */
  EMPTY_MEMBER: ['成员未指定事项', 'member names no matter'],
  UNKNOWN_MATTER_CODE: ['引用了不存在的实施编码', 'refers to an unknown matter code'],
  UNKNOWN_MEMBER: ['引用了不存在的成员', 'refers to an unknown bundle member'],
  DEPENDENCY_CYCLE: ['前后置关系存在循环', 'dependencies form a cycle'],
  /** A joint inspection must merge at least two members' inspections. */
  JOINT_INSPECTION_TOO_SMALL: ['联合踏勘至少包含两个成员', 'a joint inspection needs at least two members'],
  UNKNOWN_ALIAS_TARGET: ['别名指向不存在的事项名称', 'alias names no matter in the catalog'],
} as const satisfies Record<string, readonly [string, string]>;

export type CatalogProblemCode = keyof typeof CATALOG_PROBLEM_MESSAGES;

export interface CatalogProblem {
  /** Where, e.g. `matters[12].materials[0].source`; `$` is the document itself. */
  readonly path: string;
  readonly code: CatalogProblemCode;
  /** Chinese, then English, then the detail. */
  readonly message: string;
}

export type Problems = CatalogProblem[];
export type Obj = Readonly<Record<string, unknown>>;

export const report = (problems: Problems, path: string, code: CatalogProblemCode, detail?: string): void => {
  const [zh, en] = CATALOG_PROBLEM_MESSAGES[code];
  problems.push({ path, code, message: `${zh} / ${en}${detail === undefined ? '' : `: ${detail}`}` });
};

export const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '$' ? key : `${path}.${key}`;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

export const asObject = (problems: Problems, value: unknown, path: string): Obj | undefined => {
  if (value === undefined || value === null) {
    report(problems, path, 'FIELD_MISSING');
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(problems, path, 'NOT_AN_OBJECT', describe(value));
    return undefined;
  }
  return value as Obj;
};

export const readString = (problems: Problems, obj: Obj, key: string, path: string, optional = false): string | undefined => {
  const value = obj[key];
  const at = join(path, key);
  if (value === undefined || value === null) {
    if (!optional) report(problems, at, 'FIELD_MISSING');
    return undefined;
  }
  if (typeof value !== 'string') {
    report(problems, at, 'FIELD_WRONG_TYPE', `应为字符串 expected string, got ${describe(value)}`);
    return undefined;
  }
  if (value.trim() === '') {
    report(problems, at, 'FIELD_EMPTY');
    return undefined;
  }
  return value;
};

export const readBoolean = (problems: Problems, obj: Obj, key: string, path: string, optional = false): boolean | undefined => {
  const value = obj[key];
  if (value === undefined && optional) return undefined;
  if (typeof value === 'boolean') return value;
  report(problems, join(path, key), value === undefined || value === null ? 'FIELD_MISSING' : 'FIELD_WRONG_TYPE', 'expected boolean');
  return undefined;
};

export const readArray = (problems: Problems, obj: Obj, key: string, path: string): readonly unknown[] | undefined => {
  const value = obj[key];
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) report(problems, join(path, key), 'FIELD_MISSING');
  else report(problems, join(path, key), 'FIELD_WRONG_TYPE', `应为数组 expected array, got ${describe(value)}`);
  return undefined;
};

export const readCode = <C extends string>(
  problems: Problems,
  obj: Obj,
  key: string,
  path: string,
  table: Readonly<Record<C, string>>,
): C | undefined => {
  const value = obj[key];
  if (value === undefined || value === null) {
    report(problems, join(path, key), 'FIELD_MISSING');
    return undefined;
  }
  if (typeof value === 'string' && Object.hasOwn(table, value)) return value as C;
  report(problems, join(path, key), 'INVALID_CODE', `${JSON.stringify(value)} ∉ {${Object.keys(table).join(', ')}}`);
  return undefined;
};

export const readCount = (problems: Problems, obj: Obj, key: string, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const value = obj[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  if (value === undefined || value === null) report(problems, join(path, key), 'FIELD_MISSING');
  else report(problems, join(path, key), 'INVALID_COUNT', `${JSON.stringify(value)} ∉ [${min}, ${max}]`);
  return undefined;
};

/** A list of non-empty strings; reports `emptyCode` when the list itself is empty. */
export const readTextList = (
  problems: Problems,
  obj: Obj,
  key: string,
  path: string,
  emptyCode: CatalogProblemCode,
): readonly string[] | undefined => {
  const list = readArray(problems, obj, key, path);
  if (!list) return undefined;
  if (list.length === 0) report(problems, join(path, key), emptyCode);
  const out: string[] = [];
  list.forEach((item, i) => {
    const at = join(join(path, key), i);
    if (typeof item !== 'string') report(problems, at, 'FIELD_WRONG_TYPE', `expected string, got ${describe(item)}`);
    else if (item.trim() === '') report(problems, at, 'FIELD_EMPTY');
    else out.push(item);
  });
  return out;
};
