/**
 * Character folding shared by catalog texts and queries. It maps one UTF-16 unit to one unit, so an index in a
 * folded text is the same index in the original (matched spans point into the text as the catalog spells it).
 */

/** Folds full-width ASCII (ＡＢＣ１２３（）) to half-width, the ideographic space to a space, and case. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code;
}

/** Whether a folded code is white space or a control char, which neither texts nor queries index. */
export function isSpaceCode(code: number): boolean {
  return code <= 0x20 || code === 0xa0;
}

/** Whether a folded code is a lowercase ASCII letter (typed pinyin). */
export function isLetterCode(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
