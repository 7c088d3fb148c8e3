import { describe, expect, it } from 'vitest';
import type { Material, Matter } from '../catalog/types.ts';
import { buildChecklist, findReusableItem } from './build-checklist.ts';
import { bundleById, libraryItem, selectMatters, soleTraderRegistrationCode, TODAY } from './fixtures/dispatch-fixtures.ts';

const restaurant = bundleById('open-restaurant');
const restaurantMatters = [
  ...selectMatters(restaurant, { 'business-licence': soleTraderRegistrationCode }, ['tobacco-retail']).values(),
];
const itemFor = (checklist: ReturnType<typeof buildChecklist>, id: string) => checklist.items.find((i) => i.material.id === id);

/** A matter holding just the given materials (the rest of a real matter's guide does not matter here). */
const matterWith = (code: string, materials: Partial<Material>[]): Matter => ({
  ...restaurantMatters[0]!,
  code,
  materials: materials.map((m) => ({ ...restaurantMatters[0]!.materials[0]!, id: 'doc', source: '10', ...m })),
});

describe('buildChecklist', () => {
  it('asks for a shared material once, naming every matter that needs it', () => {
    const checklist = buildChecklist(restaurantMatters, [], TODAY);
    const ids = checklist.items.map((i) => i.material.id);
    expect(new Set(ids).size).toBe(ids.length);
    const licence = itemFor(checklist, 'business-licence')!;
    expect(licence.matterCodes).toEqual(
      restaurantMatters.filter((m) => m.materials.some((x) => x.id === 'business-licence')).map((m) => m.code),
    );
    expect(licence.matterCodes).toHaveLength(3); // food licence, signboard, tobacco
    expect(itemFor(checklist, 'resident-id-card')!.matterCodes).toHaveLength(2); // sole trader, tobacco
    const lines = restaurantMatters.reduce((sum, m) => sum + m.materials.length, 0);
    expect(checklist.requestedBeforeDedup).toBe(lines);
    expect(checklist.items).toHaveLength(lines - 3);
  });

  it('keeps first-seen order', () => {
    const checklist = buildChecklist(restaurantMatters, [], TODAY);
    const firstSeen = [...new Set(restaurantMatters.flatMap((m) => m.materials.map((x) => x.id)))];
    expect(checklist.items.map((i) => i.material.id)).toEqual(firstSeen);
  });

  it('reuses a business licence held in the library instead of asking for it', () => {
    const held = libraryItem('business-licence', '2030-01-01');
    const checklist = buildChecklist(restaurantMatters, [held], TODAY);
    expect(itemFor(checklist, 'business-licence')!.reusedFrom).toBe(held);
    expect(itemFor(checklist, 'resident-id-card')!.reusedFrom).toBeUndefined();
  });

  it('does not reuse an expired licence, but does one valid through today', () => {
    const expired = libraryItem('business-licence', '2026-03-01');
    expect(itemFor(buildChecklist(restaurantMatters, [expired], TODAY), 'business-licence')!.reusedFrom).toBeUndefined();
    const lastDay = libraryItem('business-licence', TODAY);
    expect(itemFor(buildChecklist(restaurantMatters, [lastDay], TODAY), 'business-licence')!.reusedFrom).toBe(lastDay);
  });

  it('never reuses what the applicant must supply themselves (来源渠道 10)', () => {
    const own = restaurantMatters[0]!.materials.find((m) => m.source === '10')!;
    const checklist = buildChecklist(restaurantMatters, [libraryItem(own.id)], TODAY);
    expect(itemFor(checklist, own.id)!.reusedFrom).toBeUndefined();
  });

  it('picks the longest-valid library item, an open-ended one first', () => {
    const short = libraryItem('business-licence', '2027-01-01', 'a');
    const long = libraryItem('business-licence', '2029-01-01', 'b');
    const open = libraryItem('business-licence', undefined, 'c');
    expect(findReusableItem([short, long], 'business-licence', TODAY)).toBe(long);
    expect(findReusableItem([short, open, long], 'business-licence', TODAY)).toBe(open);
    expect(findReusableItem([libraryItem('business-licence', '2020-01-01')], 'business-licence', TODAY)).toBeUndefined();
  });

  it('takes the strictest necessity and form and the most originals and copies', () => {
    const a = matterWith('A', [{ necessity: '2', form: '3', originals: 1, copies: 0 }]);
    const b = matterWith('B', [{ necessity: '3', form: '2', originals: 0, copies: 2 }]);
    const c = matterWith('C', [{ necessity: '2', form: '3', originals: 0, copies: 1 }]);
    expect(buildChecklist([a, b, c], [], TODAY).items).toMatchObject([
      { matterCodes: ['A', 'B', 'C'], necessity: '3', form: '2', originals: 1, copies: 2 },
    ]);
    const paper = matterWith('D', [{ necessity: '1', form: '1' }]);
    expect(buildChecklist([b, paper], [], TODAY).items).toMatchObject([{ necessity: '1', form: '1' }]);
    expect(buildChecklist([paper, b], [], TODAY).items).toMatchObject([{ necessity: '1', form: '1' }]);
  });

  it('counts a matter listing a document twice once among the askers', () => {
    const twice = matterWith('A', [{ copies: 1 }, { copies: 3 }]);
    const checklist = buildChecklist([twice], [], TODAY);
    expect(checklist.items).toMatchObject([{ matterCodes: ['A'], copies: 3 }]);
    expect(checklist.requestedBeforeDedup).toBe(2);
  });

  it('is empty for no matters', () => {
    expect(buildChecklist([], [], TODAY)).toEqual({ items: [], requestedBeforeDedup: 0 });
  });
});
