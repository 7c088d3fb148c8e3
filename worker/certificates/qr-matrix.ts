import qrcode from 'qrcode-generator';

/**
 * A QR code's module matrix (true = dark), for the PDF to draw as rectangles. qrcode-generator (pinned 2.0.4,
 * pure JavaScript, no canvas) encodes; its byte mode takes one byte per UTF-16 code unit (the low 8 bits), so the
 * text goes in as its UTF-8 bytes, one character each: readers that sniff UTF-8 (every phone scanner we know of)
 * read the Chinese fields back. Error correction M (15 %): a printed certificate survives a fold or a stamp.
 * The version is the smallest that holds the payload (a seal is ~250-350 bytes: versions 10-14).
 */
export const encodeQrMatrix = (text: string): boolean[][] => {
  let bytes = '';
  for (const byte of new TextEncoder().encode(text)) bytes += String.fromCharCode(byte);
  const qr = qrcode(0, 'M');
  qr.addData(bytes, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
};
