/**
 * Generates core/catalog/search/pinyin-table-data.ts: toneless pinyin for the 6,763 hanzi of GB2312 plus every
 * hanzi of the catalog texts, from pinyin-pro (a dev-only dependency, so the core never ships it).
 *
 * Each char keeps its default reading, the readings pinyin-pro gives it *in context* inside catalog names and
 * alias phrases (银行 → hang), and its next dictionary reading, capped at three: queries only have this table,
 * so both sides must tolerate every reading a char is likely to be typed or indexed under.
 *
 * Usage: npx tsx scripts/build-pinyin-table.ts [--texts file.txt]... [--tsv catalog.tsv]...
 * (extra catalog texts: one per line, or the `name` column of a TSV). Deterministic output.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const OUT = new URL('../core/catalog/search/pinyin-table-data.ts', import.meta.url);
const ALIASES = new URL('../core/catalog/data/xiaoshan-aliases.json', import.meta.url);
const CATALOG_MODULE = new URL('../core/catalog/xiaoshan-catalog.ts', import.meta.url);
const MAX_READINGS = 3;
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

const isHanzi = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= CJK_FIRST && code <= CJK_LAST;
};
const isSyllable = (s: string | undefined): s is string => s !== undefined && /^[a-z]+$/.test(s);

/** GB2312 level 1 and 2 hanzi: rows 0xB0-0xF7, columns 0xA1-0xFE, decoded through GB18030. */
function listGb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030');
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (isHanzi(ch)) chars.push(ch);
    }
  }
  return chars;
}

async function collectCatalogTexts(args: string[]): Promise<string[]> {
  const texts: string[] = [];
  if (existsSync(CATALOG_MODULE)) {
    const mod = (await import(CATALOG_MODULE.href)) as {
      loadXiaoshanCatalog?: () => { matters: { name: string }[]; aliases: { phrase: string }[] };
    };
    const catalog = mod.loadXiaoshanCatalog?.();
    if (catalog) {
      for (const m of catalog.matters) texts.push(m.name);
      for (const a of catalog.aliases) texts.push(a.phrase);
    }
  }
  if (existsSync(ALIASES)) {
    const aliases = JSON.parse(readFileSync(ALIASES, 'utf8')) as { phrase: string }[];
    for (const a of aliases) texts.push(a.phrase);
  }
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const file = args[i + 1];
    if (file === undefined) break;
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    if (flag === '--texts') texts.push(...lines);
    if (flag === '--tsv') {
      const column = (lines[0] ?? '').split('\t').indexOf('name');
      for (const line of lines.slice(1)) texts.push(line.split('\t')[column] ?? '');
    }
    i++;
  }
  return texts.filter((t) => t.length > 0);
}

/** Readings pinyin-pro picks for each char in the context of whole texts, most frequent first. */
function collectContextReadings(texts: string[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
    const chars = [...text];
    if (readings.length !== chars.length) continue;
    chars.forEach((ch, i) => {
      const r = readings[i];
      if (!isHanzi(ch) || !isSyllable(r)) return;
      const byReading = counts.get(ch) ?? new Map<string, number>();
      byReading.set(r, (byReading.get(r) ?? 0) + 1);
      counts.set(ch, byReading);
    });
  }
  const result = new Map<string, string[]>();
  for (const [ch, byReading] of counts) {
    result.set(ch, [...byReading].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r));
  }
  return result;
}

function chooseReadings(ch: string, context: readonly string[]): string[] {
  const primary = pinyin(ch, { toneType: 'none', v: true });
  const dictionary = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true });
  const picked: string[] = [];
  for (const r of [primary, ...context, dictionary[0], dictionary[1]]) {
    if (isSyllable(r) && !picked.includes(r) && picked.length < MAX_READINGS) picked.push(r);
  }
  return picked;
}

/** "syllable + its chars" runs, syllables in alphabetical order, chars in code point order. */
function encodeGroups(entries: [string, string][]): string {
  const groups = new Map<string, string[]>();
  for (const [ch, syllable] of entries) groups.set(syllable, [...(groups.get(syllable) ?? []), ch]);
  return [...groups.keys()]
    .sort()
    .map((s) => s + (groups.get(s) ?? []).sort().join(''))
    .join('');
}

async function main(): Promise<void> {
  const texts = await collectCatalogTexts(process.argv.slice(2));
  const context = collectContextReadings(texts);
  const chars = new Set(listGb2312Hanzi());
  for (const text of texts) for (const ch of text) if (isHanzi(ch)) chars.add(ch);

  const primary: [string, string][] = [];
  const alternate: [string, string][] = [];
  for (const ch of [...chars].sort()) {
    const readings = chooseReadings(ch, context.get(ch) ?? []);
    readings.forEach((r, i) => (i === 0 ? primary : alternate).push([ch, r]));
  }
  const source = `// Generated by scripts/build-pinyin-table.ts from pinyin-pro; do not edit by hand.
// ${chars.size} hanzi. Format: a toneless syllable (ü written v) followed by the chars that read it.
// PRIMARY gives each char's default reading; ALTERNATE adds the other readings it is indexed under.

/** Default readings. */
export const PRIMARY_READINGS =
  '${encodeGroups(primary)}';

/** Further readings (polyphonic chars, readings in catalog context). */
export const ALTERNATE_READINGS =
  '${encodeGroups(alternate)}';
`;
  writeFileSync(OUT, source);
  const size = Buffer.byteLength(source);
  console.log(`${chars.size} hanzi, ${primary.length} + ${alternate.length} readings, ${size} bytes`);
}

await main();
