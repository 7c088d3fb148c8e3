/**
 * Tokenizers for libraries that split on spaces: Chinese has none, so CJK runs become character unigrams and
 * bigrams (the usual n-gram approach), and Latin runs (pinyin, ICP, codes) stay whole, lower-cased.
 */

const runPattern = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/gi;
const cjkPattern = /^[\u3400-\u9fff\uf900-\ufaff]/;

export const tokenizeNgrams = (text: string): string[] => {
  const terms: string[] = [];
  for (const [run] of text.matchAll(runPattern)) {
    if (!cjkPattern.test(run)) {
      terms.push(run.toLowerCase());
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      terms.push(run[i] as string);
      if (i + 1 < run.length) terms.push(run.slice(i, i + 2));
    }
  }
  return terms;
};

/**
 * Syllable-aligned suffixes of a phrase's pinyin (`shipinjingying`, `pinjingying`, `jingying`, `ying`) and
 * of its initials (`spjy`, `pjy`, `jy`, `y`): with prefix matching, a query then finds a matter by any
 * contiguous stretch of its name typed in pinyin, which is how people type it.
 */
export const listPinyinSuffixes = (syllables: readonly string[]): string[] => {
  const terms: string[] = [];
  for (let i = 0; i < syllables.length; i++) terms.push(syllables.slice(i).join(''));
  return terms;
};

export const listInitialSuffixes = (initials: string): string[] => {
  const terms: string[] = [];
  for (let i = 0; i < initials.length; i++) terms.push(initials.slice(i));
  return terms;
};
