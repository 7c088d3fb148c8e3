/** What each certificate signature covers, as GET /v1/certificates/public-key explains it to a verifier. */
export const SIGNED_TEXTS = {
  record:
    '`signature`: ECDSA P-256 / SHA-256 over the UTF-8 bytes of the certificate record as canonical JSON (RFC 8785 rules:' +
    ' keys sorted by UTF-16 code units, no whitespace) of exactly these keys: identifier, name, typeCode, number, holderName,' +
    ' holderCode, holderCodeType, issuerName, issuerCode, issuedOn, validFrom, validTo, version, matterCode, caseNumber,' +
    ' algorithm, fields. Status and replacedBy are outside it: a status change never invalidates a signature.',
  seal:
    '`sealSignature` (in the QR code): over the UTF-8 bytes of the payload before its last `|`: OWC1|identifier|name|number|' +
    'holder name|holder code type|holder code (a resident ID masked)|issuer name|issued yyyymmdd|valid from yyyymmdd|' +
    'valid to yyyymmdd or -; `%`, `|` and control characters inside fields written %XX.',
} as const;
