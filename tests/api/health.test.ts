import { startTestServer, type TestServer } from '../support/test-server';

// Server start and seeding can take more than jest's 5 s default on a loaded machine (the api
// project's testTimeout in jest.config.js is not applied to hooks run under `projects`).
jest.setTimeout(60_000);

// /healthz says the process is up; /readyz says the database answers, so a load balancer stops
// sending traffic to an instance that lost its database without restarting it.

describe('health and readiness', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(() => server.stop());

  async function get(path: string): Promise<{ status: number; body: Record<string, unknown>; type: string | null }> {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, type: res.headers.get('content-type') };
  }

  it('answers /healthz with 200 {status: "ok"}, without a session', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/json/);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', database: 'up' });
  });

  it('answers /readyz with 503 when the database is gone, and 200 again once it is back; /healthz stays 200', async () => {
    await server.db.destroy();
    try {
      const down = await get('/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ database: 'down' });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await server.db.initialize();
    }
    expect((await get('/readyz')).status).toBe(200);
  });
});
