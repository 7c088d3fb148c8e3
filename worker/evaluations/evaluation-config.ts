import { DEFAULT_RECTIFICATION_POLICY, type RectificationPolicy } from '../../core/index.ts';

/**
 * The working-day limits a new 差评's rectification gets (整改时限): Zhejiang's by default — contact within 1
 * working day, rectify and reply within 15. A hall under other rules sets them here; each rectification keeps
 * the limits it was opened with, so a change never moves running deadlines. Tests replace `current`.
 */
export const rectificationPolicy: { current: RectificationPolicy } = { current: DEFAULT_RECTIFICATION_POLICY };
