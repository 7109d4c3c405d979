/**
 * A backend that misbehaves as the request path asks (HTTP errors, SOAP faults, broken XML and
 * JSON, redirects) and always shows what it received: the careless API a secret must survive.
 */
import { type Backend, type BackendReply, startBackend } from '../../workflows/helpers';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const envelope = (body: string): string =>
  `<s:Envelope xmlns:s="${SOAP}"><s:Body>${body}</s:Body></s:Envelope>`;
const fault = (text: string): string =>
  envelope(`<s:Fault><faultcode>s:Client</faultcode><faultstring>${text}</faultstring></s:Fault>`);
const xml = (status: number, body: string): BackendReply => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body,
});

/** The backend misbehaves as the path asks, always showing what it received. */
export async function startLeakyBackend(): Promise<Backend> {
  return startBackend((call): BackendReply => {
    const received = { headers: call.headers, path: call.path, body: call.body };
    const echoed = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    if (call.path.startsWith('/soap-fault')) return xml(500, fault(`cannot read ${escapeXml(echoed)}`));
    if (call.path.startsWith('/soap-500')) return { status: 500, body: `upstream said no to ${echoed}` };
    if (call.path.startsWith('/soap-bad-xml')) return xml(200, `<Envelope><Body>${echoed}</Bod`);
    if (call.path.startsWith('/soap-ok')) return xml(200, envelope(`<Echo>${escapeXml(echoed)}</Echo>`));
    if (call.path.startsWith('/500')) return { status: 500, body: { error: 'boom', received } };
    if (call.path.startsWith('/401'))
      return { status: 401, body: `denied for ${String(call.headers.authorization)}` };
    if (call.path.startsWith('/redirect'))
      return { status: 302, headers: { location: `/500?from=${encodeURIComponent(call.path)}` } };
    if (call.path.startsWith('/bad-json'))
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: `{"leak": "${String(call.headers.authorization)}"`,
      };
    if (call.path.startsWith('/400'))
      return { status: 400, headers: { 'x-auth-was': String(call.headers.authorization) }, body: 'bad' };
    return { status: 200, body: { received } };
  });
}
