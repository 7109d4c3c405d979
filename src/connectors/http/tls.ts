/**
 * Client certificates for the Http connector: a PKCS#12 (PFX, base64) file with its password, or PEM
 * text (`pem`: the certificate and any chain, `key`: the private key, encrypted when `password` is
 * given). Either way it becomes an unencrypted PEM pair held in memory only, checked up front so a
 * wrong password or a key that does not belong to the certificate fails before any connection.
 * PFX files are read with node-forge, which also opens the legacy RC2/3DES files that OpenSSL 3 (and
 * so Node) refuses.
 */
import { createHash, createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { TerminalError } from '../errors';

/** A client certificate ready for TLS or for signing a token request. */
export interface ClientCertificate {
  /** PEM: the certificate that matches `key` first, then the rest of the chain. */
  readonly cert: string;
  /** PEM (PKCS#8), unencrypted. */
  readonly key: string;
}

/** What a connection needs beyond Node's defaults: a client certificate and extra trusted CAs. */
export interface TlsMaterial {
  readonly clientCertificate?: ClientCertificate;
  /** PEM certificates trusted in addition to Node's own store. */
  readonly ca?: readonly string[];
}

export interface CertificateFields {
  readonly pfx?: string;
  readonly password?: string;
  readonly pem?: string;
  readonly key?: string;
}

const opened = new Map<string, ClientCertificate>();
const MAX_OPENED = 32;

/**
 * Opens `pfx` (+ `password`) or `pem` + `key` (+ `password`); `type` names the authentication in
 * errors. Opened certificates are kept (by a hash of the fields), since a PFX's key derivation is slow.
 */
export function openCertificate(fields: CertificateFields, type: string): ClientCertificate {
  const key = createHash('sha256')
    .update(JSON.stringify([fields.pfx, fields.password, fields.pem, fields.key]))
    .digest('base64url');
  const hit = opened.get(key);
  if (hit !== undefined) return hit;
  const certificate = open(fields, type);
  if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value ?? '');
  opened.set(key, certificate);
  return certificate;
}

function open(fields: CertificateFields, type: string): ClientCertificate {
  if (fields.pfx !== undefined && fields.pfx !== '') return openPfx(fields.pfx, fields.password, type);
  if (fields.pem !== undefined && fields.pem !== '') {
    if (fields.key === undefined || fields.key === '') {
      throw new TerminalError(
        'InvalidRequest',
        `authentication.key: expected the PEM private key that belongs to authentication.pem (${type}), found nothing.`,
      );
    }
    return openPem(fields.pem, fields.key, fields.password, type);
  }
  throw new TerminalError(
    'InvalidRequest',
    `authentication.pfx: expected a base64 PKCS#12 (PFX) certificate, or authentication.pem and authentication.key (${type}), found neither.`,
  );
}

function openPfx(base64: string, password: string | undefined, type: string): ClientCertificate {
  const der = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password ?? '');
  } catch (error) {
    const wrongPassword = /MAC could not be verified|wrong password|Invalid password/i.test(String(error));
    throw new TerminalError(
      'InvalidClientCertificate',
      wrongPassword
        ? `authentication.pfx (${type}) could not be opened: authentication.password is ${password === undefined ? 'missing' : 'wrong'}.`
        : `authentication.pfx (${type}): expected a base64 PKCS#12 (PFX) file, found data that is not one.`,
    );
  }
  const bags = (oid: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: oid })[oid] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag ?? ''), ...bags(forge.pki.oids.keyBag ?? '')][0];
  const certs = bags(forge.pki.oids.certBag ?? '').map((bag) =>
    toDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1),
  );
  if (keyBag === undefined || certs.length === 0) {
    throw new TerminalError(
      'InvalidClientCertificate',
      `authentication.pfx (${type}): expected a private key and its certificate, found ${keyBag === undefined ? 'no private key' : 'no certificate'}.`,
    );
  }
  const keyInfo = keyBag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key))
    : keyBag.asn1;
  const key = createPrivateKey({ key: toDer(keyInfo), format: 'der', type: 'pkcs8' });
  return pair(
    certs.map((c) => new X509Certificate(c)),
    key,
    'authentication.pfx',
    type,
  );
}

function openPem(
  pem: string,
  keyText: string,
  password: string | undefined,
  type: string,
): ClientCertificate {
  let key: KeyObject;
  try {
    key = createPrivateKey({
      key: keyText,
      format: 'pem',
      ...(password === undefined ? {} : { passphrase: password }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const encrypted = /ENCRYPTED/.test(keyText);
    throw new TerminalError(
      'InvalidClientCertificate',
      encrypted
        ? `authentication.key (${type}) could not be decrypted: authentication.password is ${password === undefined ? 'missing' : 'wrong'}.`
        : `authentication.key (${type}): expected a PEM private key, found text that is not one (${code}).`,
    );
  }
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  let certs: X509Certificate[];
  try {
    certs = blocks.map((block) => new X509Certificate(block));
  } catch {
    certs = [];
  }
  if (certs.length === 0) {
    throw new TerminalError(
      'InvalidClientCertificate',
      `authentication.pem (${type}): expected one or more PEM certificates, found none that can be read.`,
    );
  }
  return pair(certs, key, 'authentication.pem', type);
}

/** Puts the certificate that matches `key` first; fails when none does. */
function pair(certs: X509Certificate[], key: KeyObject, field: string, type: string): ClientCertificate {
  const leaf = certs.find((cert) => cert.checkPrivateKey(key));
  if (leaf === undefined) {
    throw new TerminalError(
      'InvalidClientCertificate',
      `${field} (${type}): expected a certificate that matches the private key, found ${certs.length} that ${certs.length === 1 ? 'does' : 'do'} not.`,
    );
  }
  return {
    cert: [leaf, ...certs.filter((c) => c !== leaf)].map((c) => c.toString()).join(''),
    key: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function toDer(asn1: forge.asn1.Asn1 | undefined): Buffer {
  if (asn1 === undefined) throw new TerminalError('InvalidClientCertificate', 'A PFX bag holds no data.');
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** A stable, non-reversible name for a TLS configuration (pools and credentials are kept per name). */
export function tlsKey(material: TlsMaterial | undefined): string {
  if (material === undefined) return '';
  const hash = createHash('sha256');
  for (const part of [
    material.clientCertificate?.cert,
    material.clientCertificate?.key,
    ...(material.ca ?? []),
  ])
    hash.update(`${part ?? ''}\0`);
  return hash.digest('base64url');
}
