import { defineHallConfig, err, ok, type HallConfig, type HallConfigInput, type Result } from '../../core/index.ts';

/** The 29 undifferentiated front-desk windows of the Xiaoshan hall (无差别全科受理), ids '1'..'29'. */
const XIAOSHAN_WINDOWS = Array.from({ length: 29 }, (_, i) => ({ id: String(i + 1) }));

/**
 * The halls this worker serves, by id (the `{hall}` path segment and the Durable Object's name).
 * The demo hall sets no issuing hours, so tickets can be taken at any time of day (the demo, the tests
 * and the load bench run at any hour); a real deployment sets `hours` (8:30-11:45, 13:00-16:45).
 * Every window starts closed, and the core closes all of them at each day's rollover: staff open
 * their window (POST .../windows/{window}/open) when they sit down.
 */
const HALL_INPUTS: readonly HallConfigInput[] = [
  { hallId: 'xiaoshan', windows: XIAOSHAN_WINDOWS },
  // The demo partner tenant's hall (滨江, worker/tenants/tenant-registry.ts): 12 windows.
  { hallId: 'binjiang', windows: Array.from({ length: 12 }, (_, i) => ({ id: String(i + 1) })) },
];

/** Compiled once per isolate; a bad entry fails at load rather than at a citizen's first ticket. */
const HALL_CONFIGS: ReadonlyMap<string, HallConfig> = new Map(
  HALL_INPUTS.map((input) => {
    const config = defineHallConfig(input);
    if (!config.ok) throw new Error(`hall ${input.hallId}: ${JSON.stringify(config.error)}`);
    return [input.hallId, config.value] as const;
  }),
);

/** The configuration of a known hall, or HALL_NOT_FOUND. */
export const findHallConfig = (hallId: string): Result<HallConfig> => {
  const config = HALL_CONFIGS.get(hallId);
  return config ? ok(config) : err('HALL_NOT_FOUND', { hall: hallId });
};

/** Ids of the halls served, for the OpenAPI document. */
export const listHallIds = (): string[] => [...HALL_CONFIGS.keys()];
