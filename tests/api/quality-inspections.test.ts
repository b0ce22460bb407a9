import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { addStaff, branchIdOf, staffIdOf } from './rights-helpers';
import {
  auditCount,
  createInspection,
  createTeam,
  createTemplate,
  createTemplateRequest,
  CREATE_INSPECTION,
  fetchInspection,
  firstPolicyId,
  GET_TEMPLATE,
  inspect,
  inspectionStep,
  PLAN,
  publishedInspection,
  scoreAll,
  sqlCount,
  UPDATE_TEMPLATE,
  type TemplateView,
} from './quality-helpers';

// Quality inspections: templates and their revisions, the half-year plan, weighted scores, the
// draft → submitted → reviewed → published workflow with its role rules, immutability and corrections.
jest.setTimeout(90_000);

describe('quality inspections', () => {
  let server: TestServer;
  let inspector: GqlClient;
  let inspector2: GqlClient;
  let manager: GqlClient;
  let agent: GqlClient;
  let compliance: GqlClient;
  let bj: number;
  let sh: number;
  let template: TemplateView;
  let teamA: { id: string };

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 20, policies: 20 } });
    await addStaff(server, 'inspector2', ['inspector']);
    [inspector, inspector2, manager, agent, compliance] = await Promise.all(['inspector', 'inspector2', 'manager', 'agent', 'compliance'].map((u) => server.signIn(u)));
    bj = await branchIdOf(server, 'BJ');
    sh = await branchIdOf(server, 'SH');
    template = await createTemplate(inspector, 'T-INSP');
    teamA = await createTeam(inspector, '理赔组', bj);
  });
  afterAll(() => server.stop());

  describe('templates', () => {
    it('gives items stable keys, and refuses bad items naming the field, writing nothing', async () => {
      expect(template).toMatchObject({ code: 'T-INSP', revision: 1, current: true, inUse: false, previous: null });
      expect(template.items.map((i) => i.key)).toEqual(['i1', 'i2', 'i3', 'i4']);
      const before = await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_template');
      const bad = await createTemplateRequest(inspector, { code: 'T-BAD', name: '坏模板', items: [{ dimension: 'timeliness', title: '', weight: 0 }] });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'items.0.title': 'is required', 'items.0.weight': 'must be a whole number from 1 to 100' } });
      const noCode = await createTemplateRequest(inspector, { name: 'x', items: [] });
      expect(noCode.errors?.[0]?.extensions?.fields).toMatchObject({ code: 'is required' });
      expect(await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_template')).toBe(before);
      // Only the quality department edits checklists.
      expect((await createTemplateRequest(manager, { code: 'T-MGR', name: 'x', items: [{ dimension: 'timeliness', title: 't', weight: 1 }] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('changes an unused template in place, and turns an edit of a used one into a new revision the inspection does not follow', async () => {
      let t = await createTemplate(inspector, 'T-VER');
      const edited = (await inspector.ok<{ updateQualityTemplate: TemplateView }>(UPDATE_TEMPLATE, { id: t.id, version: t.version, name: '改名' })).updateQualityTemplate;
      expect(edited).toMatchObject({ id: t.id, revision: 1, version: 2 });
      t = edited;
      const team = await createTeam(inspector, '版本测试组', bj);
      const inspection = await createInspection(inspector, { kind: 'periodic', teamId: team.id, templateId: t.id });
      expect((await inspector.ok<{ QualityTemplate: TemplateView }>(GET_TEMPLATE, { id: t.id })).QualityTemplate.inUse).toBe(true);
      const items = [...t.items.map(({ key, dimension, title, weight }) => ({ key, dimension, title, weight: key === 'i3' ? 20 : weight })), { dimension: 'information_security', title: '不泄露信息', weight: 20 }];
      const next = (await inspector.ok<{ updateQualityTemplate: TemplateView }>(UPDATE_TEMPLATE, { id: t.id, version: t.version, items })).updateQualityTemplate;
      expect(next).toMatchObject({ code: 'T-VER', revision: 2, current: true, previous: { id: t.id, revision: 1 } });
      expect(next.id).not.toBe(t.id);
      expect(next.items.map((i) => i.key)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
      const old = (await inspector.ok<{ QualityTemplate: TemplateView }>(GET_TEMPLATE, { id: t.id })).QualityTemplate;
      expect(old).toMatchObject({ revision: 1, current: false, version: 3 });
      expect(old.items.find((i) => i.key === 'i3')!.weight).toBe(40);
      // The inspection keeps scoring with revision 1.
      const scored = await scoreAll(inspector, inspection);
      expect(scored.template).toEqual({ id: t.id, revision: 1 });
      expect(scored.scoreSummary!.items).toBe(4);
      // Only the newest revision is edited; new inspections cannot use the old one.
      const stale = await inspector.request(UPDATE_TEMPLATE, { id: t.id, version: old.version, name: 'x' });
      expect(stale.errors?.[0]?.extensions?.reason).toBe('QUALITY_TEMPLATE_NOT_CURRENT');
      const onOld = await inspector.request(CREATE_INSPECTION, { kind: 'periodic', teamId: team.id, templateId: t.id });
      expect(onOld.errors?.[0]?.extensions?.fields).toEqual({ templateId: 'not the current revision of an active template' });
      expect(await auditCount(server, 'quality_template.revise', next.id)).toBe(1);
    });
  });

  describe('scores', () => {
    it('weighs per dimension and in total, leaves not-applicable items out, and updates as items are scored', async () => {
      let i = await createInspection(inspector, { kind: 'periodic', teamId: teamA.id, templateId: template.id, period: '2026H2' });
      expect(i).toMatchObject({ state: 'draft', period: '2026H2', branchId: String(bj), totalScore: null, scoreSummary: { total: null, complete: false, items: 4 } });
      i = await inspect(inspector, 'scoreQualityInspection', i, { scores: [{ itemKey: 'i3', score: 80, evidence: '答复准确' }] });
      expect(i.totalScore).toBe(80);
      expect(i.scoreSummary).toMatchObject({ total: 80, complete: false, scoredItems: 1 });
      i = await inspect(inspector, 'scoreQualityInspection', i, { scores: [{ itemKey: 'i1', score: 100 }, { itemKey: 'i2', score: 50 }, { itemKey: 'i4', score: 0 }] });
      // (10·100 + 30·50 + 40·80 + 20·0) / 100 = 57; service manner (1000 + 1500) / 40 = 62.5
      expect(i.totalScore).toBe(57);
      expect(i.scoreSummary!.dimensions).toEqual([
        { dimension: 'service_manner', score: 62.5, weight: 40, applicableItems: 2, scoredItems: 2 },
        { dimension: 'business_accuracy', score: 80, weight: 40, applicableItems: 1, scoredItems: 1 },
        { dimension: 'timeliness', score: 0, weight: 20, applicableItems: 1, scoredItems: 1 },
      ]);
      i = await inspect(inspector, 'scoreQualityInspection', i, { scores: [{ itemKey: 'i2', notApplicable: true }, { itemKey: 'i4', notApplicable: true }] });
      // (10·100 + 40·80) / 50 = 84
      expect(i.totalScore).toBe(84);
      expect(i.scoreSummary).toMatchObject({ total: 84, complete: true, applicableItems: 2 });
      expect(i.scores.find((s) => s.itemKey === 'i3')).toEqual({ itemKey: 'i3', score: 80, notApplicable: false, evidence: '答复准确' });
      expect(await auditCount(server, 'quality_inspection.score', i.id)).toBe(3);
    });

    it('refuses bad scores naming each one, and changes nothing', async () => {
      const i = await createInspection(inspector, { kind: 'periodic', teamId: teamA.id, templateId: template.id });
      const result = await inspectionStep(inspector, 'scoreQualityInspection', i, { scores: [{ itemKey: 'i1', score: 90 }, { itemKey: 'nope', score: 1 }, { itemKey: 'i2', score: 101 }, { itemKey: 'i3', score: 5, notApplicable: true }] });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'scores.1.itemKey': '"nope" is not an item of the template', 'scores.2.score': 'must be a whole number from 0 to 100', 'scores.3.score': 'an item not applicable has no score' },
      });
      const after = await fetchInspection(inspector, i.id);
      expect(after).toMatchObject({ version: i.version, scores: [], totalScore: null });
    });
  });

  describe('workflow', () => {
    it('goes draft → submitted → reviewed (by someone else) → published, and a published report never changes', async () => {
      let i = await createInspection(inspector, { kind: 'periodic', teamId: teamA.id, templateId: template.id });
      // Submitting needs a sample and every item scored or not applicable.
      const early = await inspectionStep(inspector, 'submitQualityInspection', i);
      expect(early.errors?.[0]?.extensions?.fields).toEqual({ samples: 'sample at least one item', scores: 'not scored yet: i1, i2, i3, i4 (score them or mark them not applicable)' });
      i = await inspect(inspector, 'addQualitySample', i, { kind: 'policy', refId: await firstPolicyId(inspector) });
      i = await scoreAll(inspector, i, { i4: 'n/a' });
      // Only its inspector works on a draft.
      expect((await inspectionStep(inspector2, 'submitQualityInspection', i)).errors?.[0]?.extensions?.reason).toBe('QUALITY_NOT_INSPECTOR');
      expect(i.availableActions).toEqual(['edit', 'submit']);
      expect((await fetchInspection(inspector2, i.id)).availableActions).toEqual([]);
      i = await inspect(inspector, 'submitQualityInspection', i, { note: '抽检 1 件' });
      expect(i.state).toBe('submitted');
      expect(i.availableActions).toEqual([]);
      expect((await fetchInspection(manager, i.id)).availableActions).toEqual(['review', 'return']);
      expect((await inspectionStep(inspector, 'scoreQualityInspection', i, { scores: [{ itemKey: 'i1', score: 1 }] })).errors?.[0]?.extensions?.reason).toBe('QUALITY_WRONG_STATE');
      // Not reviewed by its own inspector; not published before review.
      expect((await inspectionStep(inspector, 'reviewQualityInspection', i)).errors?.[0]?.extensions?.reason).toBe('QUALITY_OWN_REVIEW');
      expect((await inspectionStep(inspector2, 'publishQualityInspection', i)).errors?.[0]?.extensions?.reason).toBe('QUALITY_WRONG_STATE');
      // An agent neither reviews nor publishes.
      expect((await inspectionStep(agent, 'reviewQualityInspection', i)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The branch manager reviews; the manager of another branch cannot even see it.
      i = await inspect(manager, 'reviewQualityInspection', i, { note: '同意' });
      expect(i).toMatchObject({ state: 'reviewed', reviewedById: String(await staffIdOf(server, 'manager')) });
      expect((await inspectionStep(manager, 'publishQualityInspection', i)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await fetchInspection(inspector, i.id)).availableActions).toEqual(['publish']);
      expect((await fetchInspection(inspector2, i.id)).availableActions).toEqual(['return', 'publish']);
      i = await inspect(inspector, 'publishQualityInspection', i);
      expect(i.state).toBe('published');
      expect(i.availableActions).toEqual(['correct']);
      expect((await fetchInspection(manager, i.id)).availableActions).toEqual([]);
      for (const [mutation, args] of [
        ['scoreQualityInspection', { scores: [{ itemKey: 'i1', score: 0 }] }],
        ['updateQualityInspection', { title: '改标题' }],
        ['addQualityFinding', { dimension: 'timeliness', severity: 'minor', description: 'x' }],
        ['returnQualityInspection', { reason: '退回' }],
      ] as const) {
        const refused = await inspectionStep(mutation === 'returnQualityInspection' ? manager : inspector, mutation, i, args);
        expect(refused.errors?.[0]?.extensions?.reason).toBe('QUALITY_PUBLISHED');
      }
      expect(await fetchInspection(inspector, i.id)).toEqual(i);
      for (const step of ['create', 'add_sample', 'score', 'submit', 'review', 'publish']) expect(await auditCount(server, `quality_inspection.${step}`, i.id)).toBe(1);
      // Compliance reads every report; an agent reads none.
      expect((await compliance.ok<{ QualityInspection: { state: string } }>('query($id: ID!) { QualityInspection(id: $id) { state } }', { id: i.id })).QualityInspection.state).toBe('published');
      expect(await agent.errorCode('query($id: ID!) { QualityInspection(id: $id) { state } }', { id: i.id })).toBe('FORBIDDEN');
    });

    it('is sent back to draft with a reason by a reviewer', async () => {
      let i = await createInspection(inspector, { kind: 'periodic', teamId: teamA.id, templateId: template.id });
      i = await inspect(inspector, 'addQualitySample', i, { kind: 'policy', refId: await firstPolicyId(inspector) });
      i = await inspect(inspector, 'submitQualityInspection', await scoreAll(inspector, i));
      expect((await inspectionStep(inspector2, 'returnQualityInspection', i, { reason: ' ' })).errors?.[0]?.extensions?.fields).toEqual({ reason: 'is required' });
      i = await inspect(inspector2, 'returnQualityInspection', i, { reason: '评分依据不足' });
      expect(i.state).toBe('draft');
    });

    it('corrects a published report with a new revision pointing at it; the original stays as it was', async () => {
      const original = await publishedInspection(inspector, inspector2, teamA.id, template.id);
      const correction = await inspect(inspector, 'correctQualityInspection', original, { reason: '评分录入错误' });
      expect(correction).toMatchObject({ state: 'draft', revision: 2, correctsId: original.id, templateId: original.templateId, totalScore: original.totalScore });
      expect(correction.id).not.toBe(original.id);
      expect(correction.scores).toEqual(original.scores);
      expect(correction.findings.map((f) => ({ ...f, id: undefined, copiedFromId: undefined }))).toEqual(original.findings.map((f) => ({ ...f, id: undefined, copiedFromId: undefined })));
      expect(correction.findings[0].copiedFromId).toBe(original.findings[0].id);
      // One correction at a time.
      expect((await inspectionStep(inspector, 'correctQualityInspection', original, { reason: '再改' })).errors?.[0]?.extensions?.reason).toBe('QUALITY_CORRECTION_OPEN');
      let c = await inspect(inspector, 'scoreQualityInspection', correction, { scores: [{ itemKey: 'i3', score: 50 }] });
      expect(c.totalScore).toBe(80);
      c = await inspect(inspector, 'submitQualityInspection', c);
      c = await inspect(inspector2, 'reviewQualityInspection', c);
      c = await inspect(inspector2, 'publishQualityInspection', c);
      expect(c.state).toBe('published');
      const after = await fetchInspection(inspector, original.id);
      expect(after).toEqual(original);
      const links = await inspector.ok<{ QualityInspection: { corrections: Array<{ id: string }> } }>('query($id: ID!) { QualityInspection(id: $id) { corrections { id } } }', { id: original.id });
      expect(links.QualityInspection.corrections).toEqual([{ id: c.id }]);
      expect(await auditCount(server, 'quality_inspection.correct', c.id)).toBe(1);
    });
  });

  describe('nobody inspects their own work', () => {
    it('refuses sampling the inspector, a complaint they handled, or a finding about them', async () => {
      const inspectorId = await staffIdOf(server, 'inspector');
      let i = await createInspection(inspector, { kind: 'periodic', teamId: teamA.id, templateId: template.id });
      const self = await inspectionStep(inspector, 'addQualitySample', i, { kind: 'staff', refId: String(inspectorId) });
      expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'QUALITY_SELF_INSPECTION' });
      const aboutSelf = await inspectionStep(inspector, 'addQualityFinding', i, { dimension: 'timeliness', severity: 'minor', description: '回复慢', concernedStaffId: String(inspectorId) });
      expect(aboutSelf.errors?.[0]?.extensions?.reason).toBe('QUALITY_SELF_INSPECTION');
      // A complaint the inspector handled (inspectors of a small company also take calls).
      const [complaint]: Array<{ id: number }> = await server.db.query('SELECT id FROM complaint ORDER BY id LIMIT 1');
      await server.db.query('UPDATE complaint SET assignee_id = ? WHERE id = ?', [inspectorId, complaint.id]);
      const handled = await inspectionStep(inspector, 'addQualitySample', i, { kind: 'complaint', refId: String(complaint.id) });
      expect(handled.errors?.[0]?.extensions?.reason).toBe('QUALITY_SELF_INSPECTION');
      const adHoc = await inspector.request(CREATE_INSPECTION, { kind: 'ad_hoc', complaintId: String(complaint.id), templateId: template.id });
      expect(adHoc.errors?.[0]?.extensions?.reason).toBe('QUALITY_SELF_INSPECTION');
      // Someone else inspects it, and the handler cannot review that inspection either.
      let other = await createInspection(inspector2, { kind: 'ad_hoc', complaintId: String(complaint.id), templateId: template.id });
      expect(other.samples).toEqual([expect.objectContaining({ kind: 'complaint', refId: String(complaint.id), handledByIds: expect.arrayContaining([String(inspectorId)]) })]);
      other = await inspect(inspector2, 'submitQualityInspection', await scoreAll(inspector2, other));
      expect((await inspectionStep(inspector, 'reviewQualityInspection', other)).errors?.[0]?.extensions?.reason).toBe('QUALITY_SELF_INSPECTION');
      // Refusals are audited; nothing was written to the draft.
      expect(await sqlCount(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'mutation.addQualitySample' AND outcome = 'denied'")).toBeGreaterThanOrEqual(2);
      i = await fetchInspection(inspector, i.id);
      expect(i.samples).toEqual([]);
      expect(i.findings).toEqual([]);
    });
  });

  describe('half-year plan', () => {
    it('shows which teams are not yet covered this half-year', async () => {
      const t1 = await createTeam(inspector, '覆盖测试一组', sh);
      const t2 = await createTeam(inspector, '覆盖测试二组', sh);
      const period = '2027H1';
      const planOf = async () => (await inspector.ok<{ qualityPlan: { total: number; covered: number; uncovered: Array<{ id: string }>; teams: Array<{ team: { id: string }; covered: boolean; inspections: Array<{ state: string }> }> } }>(PLAN, { period })).qualityPlan;
      let plan = await planOf();
      expect(plan.uncovered.map((t) => t.id)).toEqual(expect.arrayContaining([t1.id, t2.id]));
      expect(plan.covered).toBe(0);
      // A draft plans the inspection but does not cover the team; a submitted one does.
      let i = await createInspection(inspector, { kind: 'periodic', teamId: t1.id, templateId: template.id, period });
      plan = await planOf();
      expect(plan.teams.find((t) => t.team.id === t1.id)).toMatchObject({ covered: false, inspections: [{ state: 'draft' }] });
      i = await inspect(inspector, 'addQualitySample', i, { kind: 'policy', refId: await firstPolicyId(inspector) });
      await inspect(inspector, 'submitQualityInspection', await scoreAll(inspector, i));
      plan = await planOf();
      expect(plan.teams.find((t) => t.team.id === t1.id)!.covered).toBe(true);
      expect(plan.uncovered.map((t) => t.id)).toContain(t2.id);
      expect(plan.uncovered.map((t) => t.id)).not.toContain(t1.id);
      expect(plan.covered).toBe(1);
      // Another half-year is not covered by it.
      const next = (await inspector.ok<{ qualityPlan: { uncovered: Array<{ id: string }> } }>(PLAN, { period: '2027H2' })).qualityPlan;
      expect(next.uncovered.map((t) => t.id)).toContain(t1.id);
      expect((await inspector.request(PLAN, { period: '2027-1' })).errors?.[0]?.extensions?.fields).toEqual({ period: 'must be a half-year written like 2026H2' });
    });

    it('refuses a periodic inspection without a team or with a bad period, naming the fields, writing nothing', async () => {
      const before = await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_inspection');
      const result = await inspector.request(CREATE_INSPECTION, { kind: 'periodic', templateId: template.id, period: '2026Q3', complaintId: '1' });
      expect(result.errors?.[0]?.extensions?.fields).toEqual({ teamId: 'is required', period: 'must be a half-year written like 2026H2', complaintId: 'does not apply to a periodic inspection' });
      expect((await inspector.request(CREATE_INSPECTION, { kind: 'periodic', teamId: '999999', templateId: template.id })).errors?.[0]?.extensions?.fields).toEqual({ teamId: 'no such team' });
      expect(await sqlCount(server, 'SELECT COUNT(*) AS n FROM quality_inspection')).toBe(before);
    });
  });
});
