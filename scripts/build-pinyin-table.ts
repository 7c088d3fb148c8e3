/**
 * Generates core/catalog/search/pinyin-table-data.ts: toneless pinyin for the 6,763 hanzi of GB2312 plus every
 * hanzi of the catalog texts, from pinyin-pro (a dev-only dependency, so the core never ships it).
 *
 * Each char keeps its default reading, the readings pinyin-pro gives it *in context* inside catalog names and
 * alias phrases (银行 → hang), and its next dictionary reading, capped at three: queries only have this table,
 * so both sides must tolerate every reading a char is likely to be typed or indexed under.
 *
 * Usage: npx tsx scripts/build-pinyin-table.ts [--texts file.txt]... [--tsv catalog.tsv]... [--out file.ts]
 * (extra catalog texts: one per line, or the `name` column of a TSV). Deterministic output.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const OUT = new URL('../core/catalog/search/pinyin-table-data.ts', import.meta.url);
const ALIASES = new URL('../core/catalog/data/xiaoshan-aliases.json', import.meta.url);
const CATALOG_MODULE = new URL('../core/catalog/xiaoshan-catalog.ts', import.meta.url);
const MAX_READINGS = 3;
const UNIT_OFFSET = 0x20;
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

/**
 * The table as the search reads it, with no decoding loop at isolate start: one UTF-16 unit per code point
 * from the first hanzi covered to the last (see pinyin-table-data.ts for the meaning of a unit), written as
 * JSON string literals (JSON escapes what a source file cannot hold raw).
 */
function encodeTable(readingsByChar: ReadonlyMap<string, readonly string[]>): string {
  const syllables = [...new Set([...readingsByChar.values()].flat())].sort();
  const ids = new Map(syllables.map((s, i) => [s, i]));
  const codes = [...readingsByChar.keys()].map((ch) => ch.charCodeAt(0)).sort((a, b) => a - b);
  const first = codes[0] ?? CJK_FIRST;
  const last = codes[codes.length - 1] ?? CJK_FIRST;
  // One reading: syllable id + 1. Several: POLYPHONIC_BASE + k, the k-th entry of POLYPHONIC.
  const polyphonicBase = syllables.length + 1;
  const units: number[] = [];
  const polyphonic: number[] = [];
  for (let code = first; code <= last; code++) {
    const slots = (readingsByChar.get(String.fromCharCode(code)) ?? []).map((r) => (ids.get(r) ?? 0) + 1);
    if (slots.length <= 1) {
      units.push(UNIT_OFFSET + (slots[0] ?? 0));
      continue;
    }
    units.push(UNIT_OFFSET + polyphonicBase + polyphonic.length / MAX_READINGS);
    for (let i = 0; i < MAX_READINGS; i++) polyphonic.push(UNIT_OFFSET + (slots[i] ?? 0));
  }
  const polyphonicCount = polyphonic.length / MAX_READINGS;
  const literal = (values: number[]): string => {
    let text = '';
    for (let i = 0; i < values.length; i += 4096) text += String.fromCharCode(...values.slice(i, i + 4096));
    return JSON.stringify(text);
  };
  const counts = `${readingsByChar.size} hanzi, ${syllables.length} toneless syllables (ü written v)`;
  return `// Generated by scripts/build-pinyin-table.ts from pinyin-pro; do not edit by hand.
// ${counts}, ${polyphonicCount} hanzi with several readings.
// A char's readings are one UTF-16 unit of READINGS, found by code point: nothing to decode at isolate start.

/** Syllable spellings by id, space-separated. */
export const SYLLABLES =
  '${syllables.join(' ')}';

/** Every unit is stored plus this, which keeps the strings clear of control chars. */
export const UNIT_OFFSET = ${UNIT_OFFSET};

/** Code point of READINGS' first unit. */
export const FIRST_CODE = 0x${first.toString(16)};

/** Units from this value on are polyphonic chars: unit - POLYPHONIC_BASE is their entry in POLYPHONIC. */
export const POLYPHONIC_BASE = ${polyphonicBase};

/** Per code point from FIRST_CODE: 0 no reading, 1 .. POLYPHONIC_BASE - 1 one reading (syllable id + 1). */
export const READINGS =
  ${literal(units)};

/** Per polyphonic char, ${MAX_READINGS} units: syllable id + 1 of each reading (0: none), the default first. */
export const POLYPHONIC =
  ${literal(polyphonic)};
`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? new URL(args.splice(outAt, 2)[1] ?? '', `file://${process.cwd()}/`) : OUT;
  const texts = await collectCatalogTexts(args);
  const context = collectContextReadings(texts);
  const chars = new Set(listGb2312Hanzi());
  for (const text of texts) for (const ch of text) if (isHanzi(ch)) chars.add(ch);

  const readingsByChar = new Map<string, string[]>();
  for (const ch of [...chars].sort()) {
    const readings = chooseReadings(ch, context.get(ch) ?? []);
    if (readings.length > 0) readingsByChar.set(ch, readings);
  }
  const source = encodeTable(readingsByChar);
  writeFileSync(out, source);
  console.log(`${readingsByChar.size} hanzi, ${Buffer.byteLength(source)} bytes`);
}

await main();
