import type { GqlClient } from '../support/client';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestServer } from '../support/test-server';
import { addStaff, branchIdOf } from './rights-helpers';
import { auditCount, createInspection, createTeam, createTemplate, inspect, publishedInspection, sqlCount, type InspectionView } from './quality-helpers';

// One inspection's report as a printable HTML page and as a PDF with Chinese text, over plain HTTP with
// the same session as /graphql, through the same access checks, and audited.
jest.setTimeout(120_000);

describe('inspection report', () => {
  let server: TestServer;
  let inspector: GqlClient;
  let inspector2: GqlClient;
  let report: InspectionView;

  const get = (path: string, token?: string | null, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 10, policies: 10 } });
    await addStaff(server, 'inspector2', ['inspector']);
    [inspector, inspector2] = await Promise.all(['inspector', 'inspector2'].map((u) => server.signIn(u)));
    const team = await createTeam(inspector, '报告测试组', await branchIdOf(server, 'BJ'));
    const template = await createTemplate(inspector, 'T-REPORT');
    report = await publishedInspection(inspector, inspector2, team.id, template.id, { description: '坐席未核验查询密码即告知缴费信息 <script>alert(1)</script>' });
  });
  afterAll(() => server.stop());

  it('renders a PDF whose text, read back, holds the Chinese report', async () => {
    const res = await get(report.pdfUrl, inspector.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`质检报告-${report.number}.pdf`)}`);
    const body = await res.arrayBuffer();
    expect(Buffer.from(body).subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(Buffer.from(body))).replace(/\s+/g, '');
    for (const expected of ['质量检查报告', report.number, '定期质检', '报告测试组', '北京分公司', '评分汇总', '服务态度', '业务准确性', '礼貌用语', '坐席未核验查询密码即告知缴费信息', '刘洋', '已发布']) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    expect(text).toContain(report.totalScore!.toFixed(2));
    expect(await auditCount(server, 'document.download', report.id)).toBe(1);
  });

  it('renders the same report as a printable HTML page, every text escaped', async () => {
    const res = await get(report.htmlUrl, inspector2.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>质量检查报告</h1>');
    expect(html).toContain('坐席未核验查询密码即告知缴费信息 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<th>维度</th>');
  });

  it('takes the session cookie like /graphql, and refuses without a session, without the right or outside the rows', async () => {
    const cookie = `insuredesk_session=${inspector.token}`;
    expect((await get(report.htmlUrl, null, { cookie })).status).toBe(200);
    const anonymous = await get(report.pdfUrl);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const agent = await server.signIn('agent');
    const refused = await get(report.pdfUrl, agent.token);
    expect(refused.status).toBe(403);
    // The manager of the branch reads it; a return visit across branches is outside their rows: same answer as a missing one.
    const manager = await server.signIn('manager');
    expect((await get(report.htmlUrl, manager.token)).status).toBe(200);
    const visit = await createInspection(inspector, { kind: 'return_visit', visitSource: 'new_policies', visitFrom: '2000-01-01', visitTo: '2030-12-31', sampleSize: 2 });
    expect((await get(visit.htmlUrl, manager.token)).status).toBe(404);
    expect((await get('/documents/quality-inspections/99999999.pdf', manager.token)).status).toBe(404);
    expect((await get('/documents/quality-inspections/abc.pdf', inspector.token)).status).toBe(404);
    expect(await sqlCount(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'document.download' AND outcome = 'denied'")).toBeGreaterThanOrEqual(3);
    // A draft prints too, marked as not final.
    const draft = await inspect(inspector, 'updateQualityInspection', visit, { summary: '回访进行中' });
    const html = await (await get(draft.htmlUrl, inspector.token)).text();
    expect(html).toContain('草稿，非正式版本');
    expect(html).toContain('回访记录');
  });
});
