/**
 * The compact seed a catalog is stored as (core/catalog/data/*-seed.json), expanded by expandSeed.
 * Shared material definitions, guide templates, process flows and legal bases are written once and
 * referenced by id; each matter keeps only its essentials and overrides. The full catalog is ~10x larger.
 */
import type {
  Department,
  MaterialFormCode,
  MaterialNecessityCode,
  MaterialSourceCode,
  MaterialTypeCode,
  MatterTypeCode,
  OnlineDepth,
  ProcessStep,
  ResultTypeCode,
} from './types.ts';

/** A document kind defined once for the whole catalog (营业执照, 居民身份证 …). */
export interface SeedMaterialDefinition {
  readonly name: string;
  readonly type: MaterialTypeCode;
  readonly source: MaterialSourceCode;
  readonly necessity?: MaterialNecessityCode;
  readonly form?: MaterialFormCode;
  readonly originals?: number;
  readonly copies?: number;
  readonly standard: string;
  readonly sample?: string;
  readonly instructions?: string;
}

/**
 * A material as a matter lists it:
 * - `"@business-licence"`: a shared definition, by id;
 * - `"2:申请书"`: a document of this matter only, `<type code>[<necessity code>]:<name>`;
 * - an object for a shared definition with a per-matter note (`instructions`) or necessity.
 */
export type SeedMaterialRef =
  | string
  | { readonly ref: string; readonly note?: string; readonly necessity?: MaterialNecessityCode };

/** Ids into `flows`, picked by case kind; `inspected` wins when the matter needs a site inspection. */
export interface SeedFlowChoice {
  readonly instant: string;
  readonly promised: string;
  readonly inspected: string;
  readonly commitment: string;
}

/** A guide template per matter type (and department family): the text most matters share. */
export interface SeedTemplate {
  readonly acceptanceConditions: readonly string[];
  readonly reviewPoints: readonly string[];
  /** Ids into `laws`, used when the matter names none. */
  readonly basis: readonly string[];
  readonly result: readonly [string, ResultTypeCode];
  /** `p` 自然人, `o` 法人, `po` both. */
  readonly objects: SeedObjects;
  readonly flows: SeedFlowChoice;
}

export type SeedObjects = 'p' | 'o' | 'po';

/**
 * One matter's essentials. `limit` uses the notation of the published lists: `"20/5"` (legal / promised
 * working days), `"30日/10"` (日 = calendar days), `"即办"`, `"3"` (legal = promised).
 */
export interface SeedMatter {
  readonly name: string;
  readonly dept: string;
  readonly type: MatterTypeCode;
  readonly basic: string;
  /** Item number in the 实施编码; 1 unless several matters share a basic code in one department. */
  readonly item?: number;
  readonly tpl: string;
  readonly limit: string;
  readonly legalNote?: string;
  readonly promisedNote?: string;
  readonly visits?: 0 | 1 | 2;
  /** Defaults from visits: 0 → IV, 1 → III, 2 → II. */
  readonly depth?: OnlineDepth;
  readonly commit?: boolean;
  readonly inspect?: boolean;
  readonly objects?: SeedObjects;
  readonly result?: readonly [string, ResultTypeCode];
  readonly basis?: readonly string[];
  readonly fee?: string;
  /** Appended to the template's. */
  readonly accept?: readonly string[];
  readonly review?: readonly string[];
  readonly materials: readonly SeedMaterialRef[];
}

export interface SeedBundle {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Each member names its alternative matters by exact name. */
  readonly members: readonly { readonly key: string; readonly matters: readonly string[]; readonly optional?: boolean }[];
  /** `[from, to]`: `to` waits for `from`. */
  readonly dependencies: readonly (readonly [string, string])[];
  readonly joint: readonly { readonly name: string; readonly members: readonly string[] }[];
  readonly limit?: string;
}

export interface CatalogSeed {
  readonly format: 1;
  readonly id: string;
  readonly version: string;
  readonly region: { readonly code: string; readonly name: string };
  /** 12-digit area code in the 实施编码. */
  readonly areaCode: string;
  readonly notice: string;
  readonly service: { readonly location: string; readonly hours: string; readonly complaintPhone: string };
  readonly departments: readonly Department[];
  readonly laws: Readonly<Record<string, string>>;
  readonly flows: Readonly<Record<string, readonly ProcessStep[]>>;
  readonly materials: Readonly<Record<string, SeedMaterialDefinition>>;
  readonly templates: Readonly<Record<string, SeedTemplate>>;
  readonly matters: readonly SeedMatter[];
  readonly bundles: readonly SeedBundle[];
}
