import { err, ok, type OnlineDepth, type Result } from '../../core/index.ts';

/**
 * A tenant: one municipality (district) with its halls, its catalog and its cases. Tenants and their halls are
 * deployment configuration, like a hall's windows (worker/hall/hall-configs.ts): adding a municipality is a
 * reviewed change, not an API call. Keys, staff accounts and webhooks are data (D1), managed by each tenant's
 * administrators.
 */
export interface TenantConfig {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Its halls (the `{hall}` path segment); a hall belongs to exactly one tenant. */
  readonly halls: readonly string[];
  /** The catalog it serves: the Xiaoshan catalog unless it publishes its own (none does yet). */
  readonly catalogId: string;
  /**
   * 跨区域通办: which of its matters it accepts from other tenants' front desks and systems. Its partners
   * (tenant ids) may submit matters whose 网上办理深度 is at least `minOnlineDepth` (a matter that can be accepted
   * without a visit to this tenant's hall can be accepted at another's), or any listed in `matterCodes`.
   */
  readonly crossRegion: {
    readonly partners: readonly string[];
    readonly minOnlineDepth: OnlineDepth;
    readonly matterCodes: readonly string[];
  };
}

/** The catalog every tenant serves by default. */
export const XIAOSHAN_CATALOG_ID = 'xiaoshan';

const TENANTS: readonly TenantConfig[] = [
  {
    id: 'xiaoshan',
    name: '杭州市萧山区',
    nameEn: 'Xiaoshan District, Hangzhou',
    halls: ['xiaoshan'],
    catalogId: XIAOSHAN_CATALOG_ID,
    crossRegion: { partners: ['binjiang'], minOnlineDepth: 'III', matterCodes: [] },
  },
  {
    // The demo partner municipality: its own hall and staff, the Xiaoshan catalog by default.
    id: 'binjiang',
    name: '杭州市滨江区',
    nameEn: 'Binjiang District, Hangzhou',
    halls: ['binjiang'],
    catalogId: XIAOSHAN_CATALOG_ID,
    crossRegion: { partners: ['xiaoshan'], minOnlineDepth: 'III', matterCodes: [] },
  },
];

const BY_ID: ReadonlyMap<string, TenantConfig> = new Map(TENANTS.map((tenant) => [tenant.id, tenant]));
const BY_HALL: ReadonlyMap<string, TenantConfig> = new Map(TENANTS.flatMap((tenant) => tenant.halls.map((hall) => [hall, tenant] as const)));

/** A configured tenant, or TENANT_NOT_FOUND. */
export const findTenant = (tenantId: string): Result<TenantConfig> => {
  const tenant = BY_ID.get(tenantId);
  return tenant ? ok(tenant) : err('TENANT_NOT_FOUND', { tenant: tenantId });
};

/** The tenant a hall belongs to, or HALL_NOT_FOUND. */
export const findHallTenant = (hallId: string): Result<TenantConfig> => {
  const tenant = BY_HALL.get(hallId);
  return tenant ? ok(tenant) : err('HALL_NOT_FOUND', { hall: hallId });
};

/** Every configured tenant id (the authorization test walks them). */
export const listTenantIds = (): string[] => TENANTS.map((tenant) => tenant.id);
