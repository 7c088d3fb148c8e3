import { z } from '@hono/zod-openapi';

/**
 * Reply schemas of the catalog routes, mirroring core/catalog/types.ts (the types are the source of truth; the
 * handlers' typed replies make the compiler hold the two together). Coded fields keep national codes; `labels`
 * beside them carry the Chinese wording.
 */

export const timeLimitSchema = z
  .object({
    value: z.number().int().openapi({ example: 20 }),
    unit: z.enum(['working_days', 'calendar_days', 'on_the_spot']),
    note: z.string().optional(),
  })
  .openapi('TimeLimit');

export const departmentRefSchema = z
  .object({ id: z.string().openapi({ example: 'scjg' }), name: z.string().openapi({ example: '市场监管局' }) })
  .openapi('DepartmentRef');

export const departmentSchema = z
  .object({
    id: z.string().openapi({ example: 'scjg' }),
    name: z.string().openapi({ example: '市场监管局' }),
    fullName: z.string().openapi({ example: '杭州市萧山区市场监督管理局' }),
    creditCode: z.string().openapi({ description: '统一社会信用代码 (demo values carry a valid check character)' }),
    phone: z.string(),
  })
  .openapi('Department');

export const matterRefSchema = z
  .object({
    code: z.string().openapi({ description: '实施编码' }),
    name: z.string().openapi({ example: '食品经营许可（新办）' }),
    department: departmentRefSchema,
  })
  .openapi('MatterRef');

const materialLabelsSchema = z.object({
  type: z.string().openapi({ example: '证件证书证明' }),
  source: z.string().openapi({ example: '申请人自备' }),
  necessity: z.string().openapi({ example: '必要' }),
  form: z.string().openapi({ example: '纸质或电子' }),
});

export const materialSchema = z
  .object({
    id: z.string().openapi({ description: 'Catalog-wide document kind, e.g. business-licence' }),
    name: z.string(),
    type: z.enum(['1', '2', '3']).openapi({ description: '材料类型 1 证件证书证明 / 2 申请表格文书 / 3 其他' }),
    source: z.enum(['10', '20', '99']).openapi({ description: '来源渠道 10 申请人自备 / 20 政府部门核发 / 99 其他' }),
    necessity: z.enum(['1', '2', '3']).openapi({ description: '必要性 1 必要 / 2 非必要 / 3 容缺后补' }),
    form: z.enum(['1', '2', '3']).openapi({ description: '形式 1 纸质 / 2 电子 / 3 纸质或电子' }),
    originals: z.number().int(),
    copies: z.number().int(),
    acceptanceStandard: z.string(),
    sampleNote: z.string().optional(),
    instructions: z.string().optional(),
    labels: materialLabelsSchema,
  })
  .openapi('Material');

const matterLabelsSchema = z.object({
  type: z.string().openapi({ example: '行政许可' }),
  serviceObjects: z.array(z.string()).openapi({ example: ['法人'] }),
  caseKind: z.string().openapi({ example: '承诺件' }),
  legalLimit: z.string().openapi({ example: '20个工作日' }),
  promisedLimit: z.string().openapi({ example: '5个工作日' }),
  visits: z.string().openapi({ example: '1次' }),
  onlineDepth: z.string().openapi({ example: '三级：网上受理，到现场一次' }),
  fee: z.string().openapi({ example: '不收费' }),
  resultType: z.string().openapi({ example: '证照' }),
});

export const matterGuideSchema = z
  .object({
    code: z.string().openapi({ description: '实施编码' }),
    basicCode: z.string().openapi({ description: '基本编码' }),
    itemCode: z.string().optional().openapi({ description: '业务办理项编码' }),
    version: z.number().int(),
    name: z.string().openapi({ example: '食品经营许可（新办）' }),
    type: z.enum(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20']).openapi({ description: '事项类型' }),
    department: departmentSchema,
    serviceObjects: z.array(z.enum(['person', 'organisation'])),
    acceptanceConditions: z.array(z.string()),
    processSteps: z.array(z.object({ name: z.string(), description: z.string() })),
    caseKind: z.enum(['instant', 'promised']),
    legalLimit: timeLimitSchema,
    promisedLimit: timeLimitSchema,
    visits: z.union([z.literal(0), z.literal(1), z.literal(2)]).openapi({ description: '到办事现场次数' }),
    onlineDepth: z.enum(['I', 'II', 'III', 'IV']).openapi({ description: '网上办理深度' }),
    fee: z.object({ charged: z.boolean(), basis: z.string().optional() }),
    byCommitment: z.boolean().openapi({ description: '告知承诺制' }),
    siteInspection: z.boolean().openapi({ description: '需现场核查' }),
    location: z.string(),
    hours: z.string(),
    consultationPhone: z.string(),
    complaintPhone: z.string(),
    result: z.object({ name: z.string(), type: z.enum(['10', '20', '30']) }),
    legalBasis: z.array(z.string()),
    reviewPoints: z.array(z.string()),
    materials: z.array(materialSchema),
    labels: matterLabelsSchema,
    variants: z
      .array(z.object({ code: z.string(), name: z.string() }))
      .openapi({ description: 'Other matters sharing this 基本编码 (新办/变更/延续…)' }),
    bundles: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .openapi({ description: '一件事 bundles this matter takes part in' }),
  })
  .openapi('MatterGuide');

export const matchedSpanSchema = z
  .object({
    field: z.enum(['name', 'alias']),
    text: z.string().openapi({ description: 'The matched name or alias phrase' }),
    start: z.number().int(),
    end: z.number().int(),
    via: z.enum(['text', 'pinyin', 'initials', 'homophone', 'alias']),
  })
  .openapi('MatchedSpan');

export const searchReplySchema = z
  .object({
    query: z.string().openapi({ description: 'The search text as used (trimmed)', example: '食品经营' }),
    total: z.number().int().openapi({ description: 'Matches found, counted up to 50, before `limit` applies' }),
    results: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        department: departmentRefSchema,
        score: z.number(),
        matched: matchedSpanSchema,
      }),
    ),
  })
  .openapi('SearchReply');

export const departmentListSchema = z
  .object({
    total: z.number().int().openapi({ example: 28 }),
    results: z.array(departmentSchema.extend({ matterCount: z.number().int() })),
  })
  .openapi('DepartmentList');

const bundleSummaryFields = {
  id: z.string().openapi({ example: 'open-restaurant' }),
  name: z.string().openapi({ example: '开办餐饮店一件事' }),
  description: z.string(),
  promisedLimit: timeLimitSchema.optional(),
};

export const bundleListSchema = z
  .object({
    total: z.number().int(),
    results: z.array(z.object({ ...bundleSummaryFields, memberCount: z.number().int() })),
  })
  .openapi('BundleList');

export const bundleDetailSchema = z
  .object({
    ...bundleSummaryFields,
    members: z.array(
      z.object({
        key: z.string(),
        optional: z.boolean(),
        matters: z.array(matterRefSchema).openapi({ description: 'Alternatives: an application picks one' }),
      }),
    ),
    dependencies: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .openapi({ description: 'Member keys: `to` waits for `from` to be approved' }),
    jointInspections: z
      .array(z.object({ name: z.string(), members: z.array(z.string()) }))
      .openapi({ description: '联合踏勘: member keys inspected in one visit' }),
    departments: z.array(departmentRefSchema).openapi({ description: 'Every department the bundle involves' }),
  })
  .openapi('BundleDetail');
