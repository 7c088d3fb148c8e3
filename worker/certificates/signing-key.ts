/**
 * The certificate signing key (电子证照签章密钥), from the Worker secret CERT_SIGNING_KEY: an ECDSA P-256 private
 * key as PKCS#8, either PEM (`-----BEGIN PRIVATE KEY-----` … `-----END PRIVATE KEY-----`, as `openssl genpkey
 * -algorithm EC -pkeyopt ec_paramgen_curve:P-256` writes it) or the bare base64 of the DER (one line, easier in a
 * secret store). Imported once per isolate with WebCrypto; the public key is derived from it (JWK without `d`)
 * and published at GET /v1/certificates/public-key, so there is one secret to keep and nothing to keep in step.
 *
 * Missing or unreadable: `{ ok: false, reason }`, never a throw. Approvals still succeed and their certificates
 * are recorded as pending (decide-task); verification answers 503 CERTIFICATE_SIGNING_UNAVAILABLE; GET
 * /v1/health says so. Signatures are IEEE P1363 (r‖s, 64 bytes, WebCrypto's form) in base64url, as core expects.
 */
import { CERTIFICATE_ALGORITHM } from '../../core/index.ts';

export interface CertificateSigner {
  /** Signs the UTF-8 bytes of `text`: base64url of the 64-byte P1363 signature. */
  sign(text: string): Promise<string>;
  /** Checks a base64url P1363 signature over the UTF-8 bytes of `text`; false for anything malformed. */
  verify(text: string, signature: string): Promise<boolean>;
  /** The public key as published: JWK (with `kid`, `alg`, `use`), SPKI PEM, the algorithm. */
  readonly publicKey: PublishedPublicKey;
}

export interface PublishedPublicKey {
  readonly algorithm: typeof CERTIFICATE_ALGORITHM;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url): names the key, so a rotation is visible. */
  readonly keyId: string;
  readonly jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' };
  readonly spkiPem: string;
}

export type SignerState = { readonly ok: true; readonly signer: CertificateSigner } | { readonly ok: false; readonly reason: SignerProblem };

/** `missing`: the secret is not set; `invalid`: it is set but is not a P-256 PKCS#8 private key. */
export type SignerProblem = 'missing' | 'invalid';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
};

export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** base64 or base64url, padded or not; undefined when it is neither. */
export const fromBase64 = (text: string): Uint8Array | undefined => {
  const plain = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*=*$/.test(plain)) return undefined;
  try {
    return Uint8Array.from(atob(plain.padEnd(Math.ceil(plain.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
};

/** The DER bytes of the secret: PEM armour stripped if present, then base64. */
const readPkcs8 = (secret: string): Uint8Array | undefined => {
  const text = secret.trim().replace(/\\n/g, '\n');
  const pem = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(text);
  if (text.includes('-----BEGIN') && pem === null) return undefined;
  return fromBase64(pem === null ? text : (pem[1] ?? ''));
};

const wrapPem = (label: string, der: Uint8Array): string =>
  `-----BEGIN ${label}-----\n${(toBase64(der).match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

const thumbprint = async (jwk: { crv: string; kty: string; x: string; y: string }): Promise<string> => {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const text = `{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`;
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
};

const importSigner = async (secret: string): Promise<SignerState> => {
  const der = readPkcs8(secret);
  if (der === undefined || der.length === 0) return { ok: false, reason: 'invalid' };
  let privateKey: CryptoKey;
  try {
    // Extractable only so the public half can be derived here, once; the private JWK is dropped at once.
    privateKey = await crypto.subtle.importKey('pkcs8', der, ECDSA_P256, true, ['sign']);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const full = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey;
  if (full.kty !== 'EC' || full.crv !== 'P-256' || typeof full.x !== 'string' || typeof full.y !== 'string') {
    return { ok: false, reason: 'invalid' };
  }
  const publicJwk = { kty: 'EC' as const, crv: 'P-256' as const, x: full.x, y: full.y };
  const verifyKey = await crypto.subtle.importKey('jwk', publicJwk, ECDSA_P256, true, ['verify']);
  const spki = new Uint8Array((await crypto.subtle.exportKey('spki', verifyKey)) as ArrayBuffer);
  const keyId = await thumbprint(publicJwk);
  const publicKey: PublishedPublicKey = {
    algorithm: 'ECDSA-P256-SHA256',
    keyId,
    jwk: { ...publicJwk, kid: keyId, alg: 'ES256', use: 'sig' },
    spkiPem: wrapPem('PUBLIC KEY', spki),
  };
  const signer: CertificateSigner = {
    publicKey,
    async sign(text) {
      return toBase64Url(new Uint8Array(await crypto.subtle.sign(ECDSA_SHA256, privateKey, encoder.encode(text))));
    },
    async verify(text, signature) {
      const bytes = fromBase64(signature);
      if (bytes === undefined || bytes.length !== 64) return false;
      try {
        return await crypto.subtle.verify(ECDSA_SHA256, verifyKey, bytes, encoder.encode(text));
      } catch {
        return false;
      }
    },
  };
  return { ok: true, signer };
};

/** One import per isolate and secret (a test or a rotation that changes the secret gets a fresh import). */
let cached: { readonly secret: string; readonly state: Promise<SignerState> } | undefined;

/** The signer of this deployment, or why there is none. */
export const loadCertificateSigner = (env: { readonly CERT_SIGNING_KEY?: string | undefined }): Promise<SignerState> => {
  const secret = env.CERT_SIGNING_KEY;
  if (secret === undefined || secret.trim() === '') return Promise.resolve({ ok: false, reason: 'missing' });
  if (cached?.secret !== secret) cached = { secret, state: importSigner(secret) };
  return cached.state;
};

/** What GET /v1/health says about signing. */
export const presentSigningHealth = (state: SignerState): { signing: 'ok' | SignerProblem; keyId: string | null } =>
  state.ok ? { signing: 'ok', keyId: state.signer.publicKey.keyId } : { signing: state.reason, keyId: null };
