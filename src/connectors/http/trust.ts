import { readFileSync } from 'node:fs';

let cached: { readonly key: string; readonly pems: readonly string[] } | undefined;

/**
 * Extra certificate authorities the Http connector trusts, from the PEM files the app setting
 * `FLOWLINE_HTTP_CA_FILES` lists (comma-separated): a private enterprise CA without touching the
 * process-wide `NODE_EXTRA_CA_CERTS`. Read once per value of the setting.
 */
export function trustedCertificates(env: NodeJS.ProcessEnv = process.env): readonly string[] | undefined {
  const key = env['FLOWLINE_HTTP_CA_FILES'] ?? '';
  if (key === '') return undefined;
  if (cached?.key !== key) {
    const files = key
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    cached = { key, pems: files.map((file) => readFileSync(file, 'utf8')) };
  }
  return cached.pems;
}
