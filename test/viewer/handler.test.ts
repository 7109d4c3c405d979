import { Script } from 'node:vm';
import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { serveViewer, VIEWER_CSP } from '../../src/viewer/handler';
import { VIEWER_SCRIPT } from '../../src/viewer/script';

const get = (path: string, pathname = `/api/viewer/${path}`) =>
  serveViewer(new HttpRequest({ method: 'GET', url: `http://localhost${pathname}`, params: { path } }));

describe('the run viewer handler', () => {
  it('serves the page with a Content-Security-Policy that allows no inline script', () => {
    const response = get('');
    expect(response.status).toBe(200);
    const headers = response.headers as Record<string, string>;
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toBe(VIEWER_CSP);
    expect(VIEWER_CSP).toContain("default-src 'self'");
    expect(VIEWER_CSP).toContain("script-src 'self'");
    expect(VIEWER_CSP).not.toContain('unsafe-inline');
    expect(VIEWER_CSP).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(typeof response.body).toBe('string');
    const html = response.body as string;
    expect(html).toContain('<script src="app.js" defer></script>');
    // Nothing inline for the policy to forbid: no inline script, no event handler attributes, no style attributes.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('serves the script and the style sheet under the same policy', () => {
    const script = get('app.js');
    expect(script.status).toBe(200);
    expect((script.headers as Record<string, string>)['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe(VIEWER_SCRIPT);
    expect(() => new Script(VIEWER_SCRIPT)).not.toThrow(); // parses as a script
    const style = get('app.css');
    expect((style.headers as Record<string, string>)['content-type']).toBe('text/css; charset=utf-8');
    expect(get('index.html').body).toBe(get('').body);
  });

  it('never writes API data as markup', () => {
    expect(VIEWER_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('redirects /api/viewer to /api/viewer/ so the page finds its files, keeping the query', () => {
    const response = get('', '/api/viewer?api=https%3A%2F%2Fexample.org%2Fapi');
    expect(response.status).toBe(301);
    expect((response.headers as Record<string, string>)['location']).toBe(
      '/api/viewer/?api=https%3A%2F%2Fexample.org%2Fapi',
    );
  });

  it('answers 404 for a file it does not have', () => {
    for (const path of ['nope', 'app.js/x', '../package.json', 'constructor', '__proto__']) {
      expect(get(path).status, path).toBe(404);
    }
  });
});
