/**
 * Test-only certificates, made fresh by each test file with the `openssl` command in a temporary
 * folder (nothing is committed): a CA, a server certificate for 127.0.0.1 signed by it, a client
 * certificate signed by it (as PEM, encrypted PEM key, PFX and legacy RC2/3DES PFX), and a "rogue"
 * self-signed client certificate the servers must not accept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PFX_PASSWORD = 'pfx-Pa55word!-never-shown';

export interface TestCertificates {
  /** CA certificate (PEM) that signed the server and client certificates. */
  readonly ca: string;
  readonly server: { readonly cert: string; readonly key: string };
  /** Client certificate (CN=flowline-client) signed by the CA. */
  readonly client: {
    readonly cert: string;
    readonly key: string;
    /** The key encrypted with PFX_PASSWORD (AES-256). */
    readonly encryptedKey: string;
    /** Base64 PKCS#12 with PFX_PASSWORD, OpenSSL 3 defaults (AES-256, PBKDF2, SHA-256 MAC). */
    readonly pfx: string;
    /** Base64 PKCS#12 with PFX_PASSWORD, legacy algorithms (RC2-40 / 3DES, SHA-1 MAC). */
    readonly legacyPfx: string;
  };
  /** Self-signed client certificate (CN=rogue-client): not trusted by the servers. */
  readonly rogue: { readonly cert: string; readonly key: string; readonly pfx: string };
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-certs-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=Flowline Test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    );
    const signed = (name: string, cn: string, extensions: string): void => {
      writeFileSync(file(`${name}.ext`), extensions);
      openssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        `/CN=${cn}`,
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
      );
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '1',
        '-out',
        `${name}.pem`,
        '-extfile',
        `${name}.ext`,
      );
    };
    signed('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    signed('client', 'flowline-client', 'extendedKeyUsage=clientAuth\n');
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=rogue-client',
      '-keyout',
      'rogue.key',
      '-out',
      'rogue.pem',
    );
    const pass = `pass:${PFX_PASSWORD}`;
    openssl('pkey', '-in', 'client.key', '-aes256', '-passout', pass, '-out', 'client-enc.key');
    openssl(
      'pkcs12',
      '-export',
      '-in',
      'client.pem',
      '-inkey',
      'client.key',
      '-certfile',
      'ca.pem',
      '-passout',
      pass,
      '-out',
      'client.pfx',
    );
    openssl(
      'pkcs12',
      '-export',
      '-legacy',
      '-in',
      'client.pem',
      '-inkey',
      'client.key',
      '-passout',
      pass,
      '-out',
      'client-legacy.pfx',
    );
    openssl(
      'pkcs12',
      '-export',
      '-in',
      'rogue.pem',
      '-inkey',
      'rogue.key',
      '-passout',
      pass,
      '-out',
      'rogue.pfx',
    );
    const pem = (name: string): string => readFileSync(file(name), 'utf8');
    const b64 = (name: string): string => readFileSync(file(name)).toString('base64');
    return {
      ca: pem('ca.pem'),
      server: { cert: pem('server.pem'), key: pem('server.key') },
      client: {
        cert: pem('client.pem'),
        key: pem('client.key'),
        encryptedKey: pem('client-enc.key'),
        pfx: b64('client.pfx'),
        legacyPfx: b64('client-legacy.pfx'),
      },
      rogue: { cert: pem('rogue.pem'), key: pem('rogue.key'), pfx: b64('rogue.pfx') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
