/**
 * Chinese text in a PDF without embedding a font (see render-certificate-pdf.ts for why): the standard Adobe-GB1
 * CID font STSong-Light with the UniGB-UCS2-H CMap, registered on each page as /FCJK and written through
 * pdf-lib's low-level operators as UCS-2 hex strings; runs of printable ASCII go in Helvetica instead. Also the
 * measuring and wrapping that go with it (every CJK glyph is a full em wide).
 */
import {
  beginText,
  endText,
  moveText,
  PDFHexString,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

const CJK_FONT = 'FCJK';

/** UCS-2 big-endian hex of the text; characters outside the BMP become 〓 (U+3013). */
const toUcs2Hex = (text: string): string => {
  let hex = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3013;
    hex += (code > 0xffff ? 0x3013 : code).toString(16).padStart(4, '0');
  }
  return hex;
};

const isLatin = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return code >= 0x20 && code < 0x7f;
};

/** Runs of printable ASCII (drawn in Helvetica: proportional, copyable) and of everything else (STSong-Light). */
const splitRuns = (text: string): { latin: boolean; text: string }[] => {
  const runs: { latin: boolean; text: string }[] = [];
  for (const char of text) {
    const latin = isLatin(char);
    const last = runs.at(-1);
    if (last !== undefined && last.latin === latin) last.text += char;
    else runs.push({ latin, text: char });
  }
  return runs;
};

/** Width in points: Helvetica's metrics for ASCII runs, a full em for every CJK character. */
export const measure = (latin: PDFFont, text: string, size: number): number =>
  splitRuns(text).reduce((sum, run) => sum + (run.latin ? latin.widthOfTextAtSize(run.text, size) : [...run.text].length * size), 0);

/** Splits text into lines no wider than `width` (character by character: Chinese has no spaces to break at). */
export const wrap = (latin: PDFFont, text: string, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (measure(latin, line + char, size) > width && line !== '') {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
};

/** Registers the non-embedded STSong-Light Type0 font on the page as /FCJK. */
export const addCjkFont = (doc: PDFDocument, page: PDFPage): void => {
  const context = doc.context;
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: 'STSong-Light',
      Flags: 6,
      FontBBox: [-25, -254, 1000, 880],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 880,
      StemV: 93,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'STSong-Light',
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: [1, 95, 500],
    }),
  );
  const type0 = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'STSong-Light-UniGB-UCS2-H',
      Encoding: 'UniGB-UCS2-H',
      DescendantFonts: [cidFont],
    }),
  );
  page.node.setFontDictionary(PDFName.of(CJK_FONT), type0);
};

export interface Pen {
  page: PDFPage;
  readonly latin: PDFFont;
  y: number;
  /** Rows stop above this line (the seal block on the first page), then continue on a new page. */
  floor: number;
  readonly turnPage: () => void;
}

/** Draws mixed text: ASCII runs in Helvetica, the rest in STSong-Light as UCS-2 hex strings. */
export const drawCjk = (pen: Pen, text: string, x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.1)): void => {
  let at = x;
  for (const run of splitRuns(text)) {
    if (run.latin) {
      pen.page.drawText(run.text, { x: at, y, size, font: pen.latin, color });
      at += pen.latin.widthOfTextAtSize(run.text, size);
      continue;
    }
    pen.page.pushOperators(
      pushGraphicsState(),
      setFillingRgbColor(color.red, color.green, color.blue),
      beginText(),
      setFontAndSize(CJK_FONT, size),
      moveText(at, y),
      showText(PDFHexString.of(toUcs2Hex(run.text))),
      endText(),
      popGraphicsState(),
    );
    at += [...run.text].length * size;
  }
};
