import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { drawSample } from '../../server/src/modules/quality/quality.rules';
import { CREATE_INSPECTION, createInspection, inspect, inspectionStep, sqlCount } from './quality-helpers';

// Return visits (回访): a random sample of new policies or closed complaints of a period, drawn from a
// stored seed so anyone can draw it again; each visit records whether the customer was reached and
// their satisfaction.
jest.setTimeout(90_000);

describe('return visits', () => {
  let server: TestServer;
  let inspector: GqlClient;
  let manager: GqlClient;
  const period = { visitSource: 'new_policies', visitFrom: '2000-01-01', visitTo: '2030-12-31' };

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 20, policies: 30 } });
    [inspector, manager] = await Promise.all(['inspector', 'manager'].map((u) => server.signIn(u)));
  });
  afterAll(() => server.stop());

  it('draws the same sample from the same stored seed, and the sample is the one the seed ranks first', async () => {
    const a = await createInspection(inspector, { kind: 'return_visit', ...period, sampleSize: 5, sampleSeed: 'visit-2026-11' });
    const b = await createInspection(inspector, { kind: 'return_visit', ...period, sampleSize: 5, sampleSeed: 'visit-2026-11' });
    expect(a.sampleSeed).toBe('visit-2026-11');
    expect(a.samples).toHaveLength(5);
    expect(b.samples.map((s) => s.refId)).toEqual(a.samples.map((s) => s.refId));
    // Recomputed from the stored seed and the period's candidates, independently of the server.
    const ids: Array<{ id: number }> = await server.db.query("SELECT id FROM policy WHERE effective_date >= '2000-01-01' AND effective_date <= '2030-12-31'");
    expect(a.samples.map((s) => Number(s.refId))).toEqual(drawSample(ids.map((r) => r.id), 'visit-2026-11', 5));
    const other = await createInspection(inspector, { kind: 'return_visit', ...period, sampleSize: 5, sampleSeed: 'another-seed' });
    expect(other.samples.map((s) => s.refId)).not.toEqual(a.samples.map((s) => s.refId));
    // Closed complaints of a period, in a branch: drawn the same way from the complaints closed then.
    const bj: Array<{ id: number }> = await server.db.query("SELECT id FROM branch WHERE code = 'BJ'");
    const closed: Array<{ id: number }> = await server.db.query("SELECT id FROM complaint WHERE state = 'closed' AND branch_id = ?", [bj[0].id]);
    expect(closed.length).toBeGreaterThan(1);
    const complaints = await createInspection(inspector, { kind: 'return_visit', visitSource: 'closed_complaints', visitFrom: '2000-01-01', visitTo: '2030-12-31', branchId: String(bj[0].id), sampleSize: 2, sampleSeed: 'complaints' });
    expect(complaints).toMatchObject({ branchId: String(bj[0].id), visitSource: 'closed_complaints' });
    expect(complaints.samples.map((s) => [s.kind, Number(s.refId)])).toEqual(drawSample(closed.map((r) => r.id), 'complaints', 2).map((id) => ['complaint', id]));
    // Without a seed one is generated and stored.
    const generated = await createInspection(inspector, { kind: 'return_visit', ...period, sampleSize: 3 });
    expect(generated.sampleSeed).toMatch(/^[0-9a-f]{24}$/);
    expect(generated.samples.every((s) => s.kind === 'policy' && s.label.length > 0)).toBe(true);
  });

  it('records each visit, refuses inconsistent ones, and is submitted only when every visit is recorded', async () => {
    let i = await createInspection(inspector, { kind: 'return_visit', ...period, sampleSize: 3, sampleSeed: 'worklist' });
    const [s1, s2, s3] = i.samples;
    const noRating = await inspectionStep(inspector, 'recordReturnVisit', i, { sampleId: s1.id, reached: true });
    expect(noRating.errors?.[0]?.extensions?.fields).toEqual({ satisfaction: 'is required when the customer was reached' });
    const outOfRange = await inspectionStep(inspector, 'recordReturnVisit', i, { sampleId: s1.id, reached: true, satisfaction: 6 });
    expect(outOfRange.errors?.[0]?.extensions?.fields).toEqual({ satisfaction: 'must be from 1 to 5' });
    const unreachedRating = await inspectionStep(inspector, 'recordReturnVisit', i, { sampleId: s1.id, reached: false, satisfaction: 3 });
    expect(unreachedRating.errors?.[0]?.extensions?.fields).toEqual({ satisfaction: 'only a customer reached rates the service' });
    i = await inspect(inspector, 'recordReturnVisit', i, { sampleId: s1.id, reached: true, satisfaction: 5, remarks: '客户表示满意' });
    i = await inspect(inspector, 'recordReturnVisit', i, { sampleId: s2.id, reached: true, satisfaction: 2, remarks: '对理赔时效不满' });
    const early = await inspectionStep(inspector, 'submitQualityInspection', i);
    expect(early.errors?.[0]?.extensions?.fields).toEqual({ samples: '1 of 3 visits not recorded yet' });
    i = await inspect(inspector, 'recordReturnVisit', i, { sampleId: s3.id, reached: false, remarks: '三次未接通' });
    expect(i.visitSummary).toEqual({ sampled: 3, visited: 3, reached: 2, averageSatisfaction: 3.5 });
    expect(i.samples.find((s) => s.id === s1.id)).toMatchObject({ reached: true, satisfaction: 5, visitedAt: expect.any(String) });
    // The sample is the seed's: it is neither added to nor taken from.
    expect((await inspectionStep(inspector, 'removeQualitySample', i, { sampleId: s3.id })).errors?.[0]?.extensions?.fields).toEqual({ sampleId: 'a return visit keeps the sample its seed drew' });
    // The worklist: the calls still to make across the caller's open return visits.
    const WORKLIST = `query($filter: QualityReturnVisitFilter) { allQualityReturnVisits(filter: $filter, perPage: 100) { id reached inspection { id } } _allQualityReturnVisitsMeta(filter: $filter) { count } }`;
    const worklist = await inspector.ok<{ allQualityReturnVisits: Array<{ id: string; inspection: { id: string } }>; _allQualityReturnVisitsMeta: { count: number } }>(WORKLIST, { filter: { inspectionId: i.id } });
    expect(worklist.allQualityReturnVisits.map((v) => v.id)).toEqual([s1.id, s2.id, s3.id]);
    expect(worklist.allQualityReturnVisits[0].inspection.id).toBe(i.id);
    const open = await inspector.ok<{ _allQualityReturnVisitsMeta: { count: number } }>(WORKLIST, { filter: { mine: true, open: true, visited: false } });
    const all = await inspector.ok<{ _allQualityReturnVisitsMeta: { count: number } }>(WORKLIST, { filter: { mine: true, open: true } });
    expect(open._allQualityReturnVisitsMeta.count).toBe(all._allQualityReturnVisitsMeta.count - 3);
    // A branch manager's rows hold their branch's return visits (the 2 closed complaints of BJ), not those across branches.
    expect((await manager.ok<{ _allQualityReturnVisitsMeta: { count: number } }>(WORKLIST, {}))._allQualityReturnVisitsMeta.count).toBe(2);
    i = await inspect(inspector, 'submitQualityInspection', i);
    expect(i.state).toBe('submitted');
    expect(await sqlCount(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'quality_inspection.record_visit' AND subject_id = ?", [i.id])).toBe(3);
  });

  it('refuses a return visit without its period or size, naming the fields, and writes nothing', async () => {
    const before = await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_inspection');
    const result = await inspector.request(CREATE_INSPECTION, { kind: 'return_visit', visitFrom: '2026-12-31', visitTo: '2026-01-01', teamId: '1' });
    expect(result.errors?.[0]?.extensions?.fields).toEqual({ teamId: 'does not apply to a return_visit inspection', visitSource: 'is required', sampleSize: 'is required', visitTo: 'must not be before visitFrom' });
    const badDate = await inspector.request(CREATE_INSPECTION, { kind: 'return_visit', ...period, visitFrom: '2026-02-30', sampleSize: 2 });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badDate.errors?.[0]?.extensions)).toContain('visitFrom');
    const empty = await inspector.request(CREATE_INSPECTION, { kind: 'return_visit', ...period, visitFrom: '1990-01-01', visitTo: '1990-12-31', sampleSize: 2 });
    expect(empty.errors?.[0]?.extensions?.fields).toEqual({ visitFrom: 'nothing to visit in this period' });
    expect(await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_inspection')).toBe(before);
    // Managers review their branch's reports; they do not open inspections.
    expect(await manager.errorCode(CREATE_INSPECTION, { kind: 'return_visit', ...period, sampleSize: 2 })).toBe('FORBIDDEN');
  });
});
