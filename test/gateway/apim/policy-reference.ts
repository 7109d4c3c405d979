/**
 * The parts of the API Management policy reference the generated policies use, written down from
 * the documentation, and a checker that walks a parsed policy document against them.
 *
 * Sources (attributes, child elements and their documented order, sections):
 * - policies, sections, base: https://learn.microsoft.com/azure/api-management/api-management-howto-policies
 * - cors: https://learn.microsoft.com/azure/api-management/cors-policy
 * - validate-azure-ad-token: https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy
 * - validate-jwt: https://learn.microsoft.com/azure/api-management/validate-jwt-policy
 * - rate-limit-by-key: https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy
 * - set-backend-service: https://learn.microsoft.com/azure/api-management/set-backend-service-policy
 * - set-header: https://learn.microsoft.com/azure/api-management/set-header-policy
 * - choose: https://learn.microsoft.com/azure/api-management/choose-policy
 * - return-response: https://learn.microsoft.com/azure/api-management/return-response-policy
 * - set-status: https://learn.microsoft.com/azure/api-management/set-status-policy
 * - set-body: https://learn.microsoft.com/azure/api-management/set-body-policy
 * - on-error (policies allowed there): https://learn.microsoft.com/azure/api-management/api-management-error-handling-policies
 */
import type { Node } from './parse';

export type Section = 'inbound' | 'backend' | 'outbound' | 'on-error';
const ALL: readonly Section[] = ['inbound', 'backend', 'outbound', 'on-error'];

interface Spec {
  readonly attributes?: readonly string[];
  readonly required?: readonly string[];
  /** At least one of these attributes. */
  readonly oneOf?: readonly string[];
  /** Allowed children, in the documented order. */
  readonly children?: readonly string[];
  readonly requiredChildren?: readonly string[];
  readonly text?: boolean;
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** A policy statement: the sections it may appear in. */
  readonly sections?: readonly Section[];
}

const TOKEN = ['header-name', 'query-parameter-name', 'token-value'];
const FAILURE = [
  'failed-validation-httpcode',
  'failed-validation-error-message',
  'output-token-variable-name',
];

export const REFERENCE: Readonly<Record<string, Spec>> = {
  base: { sections: ALL },
  cors: {
    sections: ['inbound'],
    attributes: ['allow-credentials', 'terminate-unmatched-request'],
    values: { 'allow-credentials': ['true', 'false'], 'terminate-unmatched-request': ['true', 'false'] },
    children: ['allowed-origins', 'allowed-methods', 'allowed-headers', 'expose-headers'],
    requiredChildren: ['allowed-origins', 'allowed-headers'],
  },
  'allowed-origins': { children: ['origin'], requiredChildren: ['origin'] },
  origin: { text: true },
  'allowed-methods': {
    attributes: ['preflight-result-max-age'],
    children: ['method'],
    requiredChildren: ['method'],
  },
  method: { text: true },
  'allowed-headers': { children: ['header'], requiredChildren: ['header'] },
  'expose-headers': { children: ['header'], requiredChildren: ['header'] },
  header: { text: true },
  'validate-azure-ad-token': {
    sections: ['inbound'],
    attributes: ['tenant-id', ...TOKEN, 'authentication-endpoint', ...FAILURE],
    required: ['tenant-id'],
    children: ['client-application-ids', 'backend-application-ids', 'audiences', 'required-claims'],
    requiredChildren: ['client-application-ids'],
  },
  'client-application-ids': { children: ['application-id'], requiredChildren: ['application-id'] },
  'backend-application-ids': { children: ['application-id'], requiredChildren: ['application-id'] },
  'application-id': { text: true },
  'validate-jwt': {
    sections: ['inbound'],
    attributes: [
      ...TOKEN,
      ...FAILURE,
      'require-expiration-time',
      'require-scheme',
      'require-signed-tokens',
      'clock-skew',
    ],
    oneOf: TOKEN,
    children: [
      'openid-config',
      'issuer-signing-keys',
      'decryption-keys',
      'audiences',
      'issuers',
      'required-claims',
    ],
  },
  'openid-config': { attributes: ['url'], required: ['url'] },
  audiences: { children: ['audience'], requiredChildren: ['audience'] },
  audience: { text: true },
  issuers: { children: ['issuer'], requiredChildren: ['issuer'] },
  issuer: { text: true },
  'required-claims': { children: ['claim'], requiredChildren: ['claim'] },
  claim: {
    attributes: ['name', 'match', 'separator'],
    required: ['name'],
    values: { match: ['all', 'any'] },
    children: ['value'],
  },
  value: { text: true },
  'rate-limit-by-key': {
    sections: ['inbound'],
    attributes: [
      ...['calls', 'renewal-period', 'increment-condition', 'increment-count', 'counter-key'],
      ...['retry-after-header-name', 'retry-after-variable-name', 'remaining-calls-header-name'],
      ...['remaining-calls-variable-name', 'total-calls-header-name'],
    ],
    required: ['calls', 'renewal-period', 'counter-key'],
  },
  'set-backend-service': {
    sections: ['inbound', 'backend'],
    attributes: [
      'base-url',
      'backend-id',
      'sf-resolve-condition',
      'sf-service-instance-name',
      'sf-partition-key',
      'sf-listener-name',
    ],
    oneOf: ['base-url', 'backend-id'],
  },
  'set-header': {
    sections: ALL,
    attributes: ['name', 'exists-action'],
    required: ['name'],
    values: { 'exists-action': ['override', 'skip', 'append', 'delete'] },
    children: ['value'],
  },
  choose: { sections: ALL, children: ['when', 'otherwise'], requiredChildren: ['when'] },
  when: { attributes: ['condition'], required: ['condition'] },
  otherwise: {},
  'return-response': {
    sections: ALL,
    attributes: ['response-variable-name'],
    children: ['set-status', 'set-header', 'set-body'],
  },
  'set-status': { sections: ALL, attributes: ['code', 'reason'], required: ['code', 'reason'] },
  'set-body': {
    sections: ['inbound', 'backend', 'outbound'],
    attributes: ['template', 'xsi-nil'],
    text: true,
  },
};

/** Every departure from the reference, as `path: problem`; empty when the document conforms. */
export function checkPolicy(root: Node): string[] {
  const problems: string[] = [];
  if (root.name !== 'policies') problems.push(`root is <${root.name}>, not <policies>`);
  const sections = root.children.map((c) => c.name);
  const order = ['inbound', 'backend', 'outbound', 'on-error'];
  if (sections.some((s) => !order.includes(s))) problems.push(`unknown section in ${sections.join(', ')}`);
  for (const section of root.children) statements(section, section.name as Section, 'policies', problems);
  return problems;
}

/** The children of a section, `when` or `otherwise`: policy statements allowed in that section. */
function statements(container: Node, section: Section, path: string, problems: string[]): void {
  const here = `${path}/${container.name}`;
  for (const child of container.children) {
    const spec = REFERENCE[child.name];
    if (spec?.sections === undefined) problems.push(`${here}: <${child.name}> is not a documented policy`);
    else if (!spec.sections.includes(section))
      problems.push(`${here}: <${child.name}> is not allowed in ${section}`);
    element(child, section, here, problems);
  }
}

function element(node: Node, section: Section, path: string, problems: string[]): void {
  const here = `${path}/${node.name}`;
  const spec = REFERENCE[node.name];
  if (spec === undefined) return void problems.push(`${here}: undocumented element`);
  for (const [name, value] of Object.entries(node.attributes)) {
    if (!(spec.attributes ?? []).includes(name)) problems.push(`${here}: undocumented attribute ${name}`);
    const allowed = spec.values?.[name];
    if (allowed !== undefined && !allowed.includes(value)) problems.push(`${here}: ${name}="${value}"`);
  }
  for (const name of spec.required ?? [])
    if (!(name in node.attributes)) problems.push(`${here}: no ${name}`);
  if (spec.oneOf && !spec.oneOf.some((a) => a in node.attributes))
    problems.push(`${here}: none of ${spec.oneOf.join('|')}`);
  if (node.name === 'when' || node.name === 'otherwise') return statements(node, section, path, problems);
  if (node.text.trim() !== '' && spec.text !== true) problems.push(`${here}: unexpected text`);
  const allowed = spec.children ?? [];
  let last = -1;
  for (const child of node.children) {
    const index = allowed.indexOf(child.name);
    if (index < 0) problems.push(`${here}: <${child.name}> is not a documented child`);
    else if (index < last) problems.push(`${here}: <${child.name}> is out of the documented order`);
    last = Math.max(last, index);
    element(child, section, here, problems);
  }
  for (const name of spec.requiredChildren ?? []) {
    if (!node.children.some((c) => c.name === name)) problems.push(`${here}: no <${name}>`);
  }
}
