import { pinyin } from 'pinyin-pro';
import type { CatalogDocument } from '../../core/index.ts';

/**
 * What every third-party library is fed, so that they see the same text our engine sees: the matter's name,
 * the alias phrases that target it, and (for pinyin and initials queries) the pinyin of both, made with
 * pinyin-pro here because the libraries have no pinyin of their own.
 */
export interface SearchDocument {
  /** Position in the documents array; libraries index by it. */
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly departmentId: string;
  readonly aliases: readonly string[];
  /** One entry per phrase (name first, then aliases): syllables without tones, e.g. [shi, pin, jing, ying]. */
  readonly syllables: readonly (readonly string[])[];
  /** Joined full pinyin per phrase: `shipinjingyingxuke`. */
  readonly pinyin: readonly string[];
  /** Joined initials per phrase: `spjyxk`. */
  readonly initials: readonly string[];
}

interface PhrasePinyin {
  readonly syllables: readonly string[];
  readonly pinyin: string;
  readonly initials: string;
}

/** National catalogs repeat the same names in every region: convert each distinct phrase once. */
const convertPhrase = (cache: Map<string, PhrasePinyin>, phrase: string): PhrasePinyin => {
  let converted = cache.get(phrase);
  if (!converted) {
    const syllables = pinyin(phrase, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((s) => s.length > 0);
    converted = {
      syllables,
      pinyin: syllables.join(''),
      initials: syllables.map((s) => s[0]).join(''),
    };
    cache.set(phrase, converted);
  }
  return converted;
};

export const buildSearchDocuments = (catalog: CatalogDocument): SearchDocument[] => {
  const aliasesByName = new Map<string, string[]>();
  for (const alias of catalog.aliases) {
    for (const name of alias.matterNames) {
      const phrases = aliasesByName.get(name);
      if (phrases) phrases.push(alias.phrase);
      else aliasesByName.set(name, [alias.phrase]);
    }
  }
  const cache = new Map<string, PhrasePinyin>();
  return catalog.matters.map((matter, id) => {
    const aliases = aliasesByName.get(matter.name) ?? [];
    const converted = [matter.name, ...aliases].map((phrase) => convertPhrase(cache, phrase));
    return {
      id,
      code: matter.code,
      name: matter.name,
      departmentId: matter.departmentId,
      aliases,
      syllables: converted.map((c) => c.syllables),
      pinyin: converted.map((c) => c.pinyin),
      initials: converted.map((c) => c.initials),
    };
  });
};
