/**
 * The certificate as a PDF (电子证照版式文件), drawn with pdf-lib: the face fields, the matter-specific fields,
 * the identifier, the current status, and the QR code carrying encodeCertificateQr (checkable offline).
 *
 * Chinese text. An embedded CJK font (even a subset) costs megabytes of font data in the Worker bundle, so the
 * Chinese text references the standard Adobe-GB1 CID font STSong-Light, not embedded, with the predefined CMap
 * UniGB-UCS2-H (PDF 1.7 §9.7.5.2; one of the fonts every conforming reader knows): a Type0 font whose descendant
 * is a CIDFontType0 with CIDSystemInfo Adobe/GB1/2, text written as UCS-2 (UTF-16BE) hex strings. pdf-lib's
 * high-level API only draws embedded or standard-14 fonts, so the font dictionaries and text operators are
 * written through its low-level API. Viewers substitute a system Song/Ming font (Acrobat ships Adobe Song Std;
 * pdf.js, Preview, Chrome and Foxit map it to the platform's CJK font), every glyph a full em wide.
 * Characters outside the BMP cannot be written in UCS-2 and print as 〓. Runs of ASCII (codes, dates, the
 * identifier) are drawn in the standard Helvetica instead: proportional, and they copy and search exactly. The QR code is drawn as filled
 * rectangles, one per dark module: no image, no embedded font.
 * Deterministic: the same certificate and status give the same bytes (dates are the issue day, no random ID).
 * A record too long for the first page (the seal block keeps its lower part) goes on over further pages.
 */
import { fill, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, StandardFonts, type PDFPage } from 'pdf-lib';
import { describeCertificateStatus, encodeCertificateQr, type Certificate, type CertificateFieldValue } from '../../core/index.ts';
import { addCjkFont, drawCjk, measure, wrap, type Pen } from './pdf-cjk-text.ts';
import { encodeQrMatrix } from './qr-matrix.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** Labels of the matter-specific fields this system writes or is given; others print under their key. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  type: '类型',
  legalRepresentative: '法定代表人',
  registeredCapital: '注册资本',
  establishedOn: '成立日期',
  address: '住所',
  businessScope: '经营范围',
  category: '类别',
  premises: '经营场所',
  mainBusiness: '主体业态',
};

const describeValue = (value: CertificateFieldValue): string => {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map(describeValue).join('；');
  if (typeof value === 'object') {
    const record = value as { readonly [key: string]: CertificateFieldValue };
    if (typeof record.amount === 'number' && typeof record.currency === 'string') {
      return record.currency === 'CNY' ? `${record.amount / 10_000}万元人民币` : `${record.amount} ${record.currency}`;
    }
    return Object.entries(record).map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${describeValue(v)}`).join('；');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
};

/** One labelled row: the label on the left, the value wrapped in the column to its right. */
const drawRow = (pen: Pen, label: string, value: string, width: number, latin = false): void => {
  const size = 11;
  const x = MARGIN + 96;
  if (pen.y < pen.floor) pen.turnPage();
  drawCjk(pen, label, MARGIN, pen.y, size, rgb(0.35, 0.35, 0.35));
  if (latin) {
    pen.page.drawText(value, { x, y: pen.y, size: 9, font: pen.latin, color: rgb(0.1, 0.1, 0.1) });
    pen.y -= 20;
    return;
  }
  for (const line of wrap(pen.latin, value, size, width - 96)) {
    if (pen.y < pen.floor) pen.turnPage();
    drawCjk(pen, line, x, pen.y, size);
    pen.y -= 16;
  }
  pen.y -= 4;
};

const drawQr = (page: PDFPage, payload: string, x: number, y: number, side: number): void => {
  const matrix = encodeQrMatrix(payload);
  const quiet = 4;
  const cell = side / (matrix.length + 2 * quiet);
  const operators = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  matrix.forEach((row, r) => {
    // Runs of dark modules in a row become one rectangle: fewer operators, the same picture.
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      operators.push(rectangle(x + (quiet + c) * cell, y + side - (quiet + r + 1) * cell, (end - c + 1) * cell, cell));
      c = end;
    }
  });
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
};

/** The PDF of a certificate as it stands (status as of `today`), with `keyId` naming the signing key. */
export const renderCertificatePdf = async (
  certificate: Certificate,
  options: { readonly effectiveStatus: Certificate['status']; readonly keyId: string | null; readonly matterName?: string },
): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(`${certificate.issuedOn}T00:00:00+08:00`);
  doc.setTitle(`${certificate.name} ${certificate.identifier}`, { showInWindowTitleBar: true });
  doc.setSubject(certificate.identifier);
  doc.setKeywords(['电子证照', certificate.identifier, certificate.number]);
  doc.setAuthor(certificate.issuerName);
  doc.setCreator('onewindow 一窗受理');
  doc.setProducer('onewindow (pdf-lib 1.17.1)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const latin = await doc.embedFont(StandardFonts.Helvetica);
  const width = A4.width - 2 * MARGIN;
  const framedPage = (): PDFPage => {
    const added = doc.addPage([A4.width, A4.height]);
    addCjkFont(doc, added);
    added.drawRectangle({ x: MARGIN - 16, y: MARGIN - 16, width: width + 32, height: A4.height - 2 * MARGIN + 32, borderColor: rgb(0.62, 0.12, 0.1), borderWidth: 1.5 });
    return added;
  };
  const page = framedPage();
  const qrSide = 150;
  const qrY = MARGIN + 8;
  const pen: Pen = {
    page,
    latin,
    y: A4.height - MARGIN - 10,
    floor: qrY + qrSide + 16,
    // A long record (经营范围 can run to hundreds of characters) goes on over further pages (续页).
    turnPage() {
      pen.page = framedPage();
      pen.y = A4.height - MARGIN - 10;
      pen.floor = MARGIN;
      drawCjk(pen, `${certificate.name}（续）`, MARGIN, pen.y, 12, rgb(0.62, 0.12, 0.1));
      pen.y -= 30;
    },
  };

  // Heading.
  drawCjk(pen, '电子证照', MARGIN, pen.y, 12, rgb(0.62, 0.12, 0.1));
  page.drawText('Electronic certificate  GB/T 36903 / 36904', { x: MARGIN + 56, y: pen.y, size: 9, font: latin, color: rgb(0.45, 0.45, 0.45) });
  pen.y -= 46;
  const title = certificate.name;
  const titleSize = Math.min(30, (width / Math.max(1, measure(latin, title, 1))) * 0.9);
  drawCjk(pen, title, MARGIN + (width - measure(latin, title, titleSize)) / 2, pen.y, titleSize, rgb(0.62, 0.12, 0.1));
  pen.y -= 40;

  const status = describeCertificateStatus(options.effectiveStatus);
  if (options.effectiveStatus !== '01') {
    page.drawRectangle({ x: MARGIN, y: pen.y - 8, width, height: 28, color: rgb(0.98, 0.9, 0.9) });
    drawCjk(pen, `本证照${status.label}，不再有效${certificate.replacedBy ? `（新版本：见下方标识）` : ''}`, MARGIN + 8, pen.y, 13, rgb(0.7, 0.1, 0.1));
    pen.y -= 36;
  }

  const holderLabel = certificate.holderCodeType === '001' ? '统一社会信用代码' : '公民身份号码';
  drawRow(pen, '证照编号', certificate.number, width);
  drawRow(pen, certificate.holderCodeType === '001' ? '名称' : '姓名', certificate.holderName, width);
  drawRow(pen, holderLabel.length > 6 ? '主体代码' : holderLabel, certificate.holderCode, width);
  for (const [key, value] of Object.entries(certificate.fields)) drawRow(pen, FIELD_LABELS[key] ?? key, describeValue(value), width);
  drawRow(pen, '有效期限', `${certificate.validFrom} 至 ${certificate.validTo ?? '长期'}`, width);
  if (options.matterName !== undefined) drawRow(pen, '办理事项', options.matterName, width);
  drawRow(pen, '颁证单位', certificate.issuerName, width);
  drawRow(pen, '颁证日期', certificate.issuedOn, width);
  drawRow(pen, '证照状态', `${status.label}（${status.code}）`, width);
  if (certificate.replacedBy !== undefined) drawRow(pen, '新版本标识', certificate.replacedBy, width, true);

  // The seal block on the first page: identifier, signature scheme, QR.
  pen.page = page;
  drawQr(page, encodeCertificateQr(certificate), MARGIN + width - qrSide, qrY, qrSide);
  let y = qrY + qrSide - 12;
  drawCjk(pen, '电子证照标识', MARGIN, y, 10, rgb(0.35, 0.35, 0.35));
  y -= 14;
  page.drawText(certificate.identifier, { x: MARGIN, y, size: 8.5, font: latin, color: rgb(0.1, 0.1, 0.1) });
  y -= 22;
  drawCjk(pen, '电子签名', MARGIN, y, 10, rgb(0.35, 0.35, 0.35));
  y -= 14;
  page.drawText(`${certificate.algorithm}${options.keyId === null ? '' : `  key ${options.keyId}`}`, { x: MARGIN, y, size: 8.5, font: latin, color: rgb(0.1, 0.1, 0.1) });
  y -= 22;
  for (const line of wrap(latin, '扫描二维码可离线验证签章；在线核验当前状态：GET /v1/certificates/{标识}/verify', 9, width - qrSide - 16)) {
    drawCjk(pen, line, MARGIN, y, 9, rgb(0.35, 0.35, 0.35));
    y -= 13;
  }
  return doc.save({ useObjectStreams: false });
};
