import { GqlClient } from '../support/client';
import { LOGIN, startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { countOf } from '../api/inquiry-helpers';

jest.setTimeout(90_000);

// The HTTP edge: security headers with a content-security policy, the session cookie's attributes,
// mutations only as JSON POSTs (no GET, no form), and CORS closed unless configured.

const post = (server: TestServer, body: string, headers: Record<string, string>) => fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
const loginCount = (server: TestServer) => countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'auth.login'");

describe('the HTTP edge in development (plain http)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 2, policies: 2 } });
  });
  afterAll(() => server.stop());

  it('sends security headers and a content-security policy with every answer', async () => {
    for (const path of ['/', '/healthz', '/graphql?query=%7B__typename%7D']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      // No HSTS over plain http: it would lock a development browser out of the host.
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
  });

  it('sets an HttpOnly, SameSite=Strict session cookie under its plain name over http', async () => {
    const result = await server.anonymous.request(LOGIN, { username: 'agent', password: TEST_PASSWORD });
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^insuredesk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('refuses a mutation sent by GET, and runs nothing', async () => {
    const before = await loginCount(server);
    const query = encodeURIComponent(`mutation { login(username: "agent", password: "${TEST_PASSWORD}") { token } }`);
    const res = await fetch(`${server.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await loginCount(server)).toBe(before);
  });

  it('refuses a form-encoded or text POST (what a cross-site form can send), and runs nothing', async () => {
    const before = await loginCount(server);
    const query = `mutation { login(username: "agent", password: "${TEST_PASSWORD}") { token } }`;
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
      ['text/plain', JSON.stringify({ query })],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`],
    ]) {
      const res = await post(server, body, { 'content-type': type });
      expect(res.status).toBe(415);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(await loginCount(server)).toBe(before);
    // The same mutation as JSON works.
    expect((await post(server, JSON.stringify({ query }), { 'content-type': 'application/json' })).status).toBe(200);
  });

  it('keeps Apollo CSRF prevention on: a simple GET query without a preflight header is refused', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery|CSRF/i);
  });

  it('is closed to other origins when CORS_ORIGINS is not set', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(server, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('the HTTP edge behind HTTPS, with a configured CORS origin', () => {
  let server: TestServer;
  const allowed = 'https://console.example.com';

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 2, policies: 2 }, env: { COOKIE_SECURE: 'true', CORS_ORIGINS: allowed } });
  });
  afterAll(() => server.stop());

  it('names the session cookie __Host- with Secure, and reads only that name', async () => {
    const result = await server.anonymous.request(LOGIN, { username: 'agent', password: TEST_PASSWORD });
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-insuredesk_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = result.data!.login.token as string;
    expect((await new GqlClient(server.url, null, `__Host-insuredesk_session=${token}`).request('{ me { username } }')).data).toEqual({ me: { username: 'agent' } });
    // A plain-named cookie (which a plain-http page or a sibling host could plant) is not a session here.
    expect(await new GqlClient(server.url, null, `insuredesk_session=${token}`).errorCode('{ me { username } }')).toBe('UNAUTHENTICATED');
  });

  it('sends Strict-Transport-Security and upgrade-insecure-requests', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('answers CORS for the configured origin only', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const res = await post(server, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin: allowed });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    const other = await post(server, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin: 'https://console.example.com.evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
