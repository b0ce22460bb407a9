import type { GqlClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { branchIdOf, countOf } from './complaints-helpers';
import { complaintBy, createCustomer, createPolicy, EXPORT, EXPORT_PDF, person, RECORD_CONSENT, REVEAL } from './data-rights-helpers';
import { pdfText } from '../support/pdf-text';
import { CHANNEL_INQUIRY, channelRequest, createChannelKey, RESET, tuneSettings } from './inquiry-helpers';

// Access and copy: everything held about a customer — profile, policies, complaints, inquiries,
// consents, sharing agreements, who revealed their data and when, every change — as JSON, recorded
// as a request and audited. Consents keep their history; a correction keeps the old value, masked.

describe('customer data rights: access and copy, consents, corrections', () => {
  let server: TestServer;
  let manager: GqlClient;
  let agent: GqlClient;
  let compliance: GqlClient;
  let bj: string;
  const p = person(1);
  let customerId: string;
  let policy: { id: string; policyNumber: string };
  let complaintNumber: string;
  let agreementId: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 8, policies: 8 } });
    const admin = await server.signIn('admin');
    [manager, agent, compliance] = [await server.signIn('manager'), await server.signIn('agent'), await server.signIn('compliance')];
    await tuneSettings(admin, { minResponseMs: 0 });
    bj = await branchIdOf(server, 'BJ');
    const created = await createCustomer(manager, bj, p);
    customerId = created.id;
    policy = await createPolicy(manager, bj, customerId, 'PBJ2026DR0001', '2026-01-01', '2026-12-31');
    complaintNumber = (await complaintBy(agent, bj, customerId, p, policy.id)).number;
    await manager.ok(RESET, { policyId: policy.id, idNumber: p.idNumber, identityCheck: 'id_document_at_counter', newPassword: '730215' });
    const key = (await createChannelKey(admin, 'app')).secret;
    await channelRequest(server.url, key, CHANNEL_INQUIRY, { policyNumber: policy.policyNumber, idNumber: p.idNumber, queryPassword: '730215' });
    await manager.ok(REVEAL, { id: customerId, field: 'idNumber' });
    // A correction of the phone number by the agent.
    await agent.ok('mutation U($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, phone: "13800001111") { id } }', { id: customerId, v: created.version });
  });
  afterAll(() => server.stop());

  it('keeps the consent history, with date, channel and text version; the customer shows the latest', async () => {
    await agent.ok(RECORD_CONSENT, { customerId, kind: 'marketing', granted: true, channel: 'counter', textVersion: 'MKT-2026-01' });
    await agent.ok(RECORD_CONSENT, { customerId, kind: 'third_party_sharing', granted: true, channel: 'app', textVersion: 'SHR-2026-01' });
    await agent.ok(RECORD_CONSENT, { customerId, kind: 'marketing', granted: false, channel: 'hotline', textVersion: 'MKT-2026-01' });
    const { Customer } = await agent.ok('query C($id: ID!) { Customer(id: $id) { marketingConsent marketingConsentAt sharingConsent consents { kind granted channel textVersion } } }', { id: customerId });
    expect(Customer.marketingConsent).toBe(false);
    expect(Customer.marketingConsentAt).toBeNull();
    expect(Customer.sharingConsent).toBe(true);
    expect(Customer.consents.map((k: { kind: string; granted: boolean; channel: string }) => [k.kind, k.granted, k.channel])).toEqual([
      ['marketing', false, 'hotline'],
      ['third_party_sharing', true, 'app'],
      ['marketing', true, 'counter'],
    ]);
    expect(await countOf(server, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'customer.consent' AND subject_id = ?", [customerId])).toBe(3);
    // Another branch's agent cannot record consents for this customer.
    expect(await (await server.signIn('agent2')).errorCode(RECORD_CONSENT, { customerId, kind: 'marketing', granted: true, channel: 'app', textVersion: 'X' })).toBe('NOT_FOUND');
  });

  it('records sharing agreements (party, purpose, fields, period) and the customers they cover, only with consent', async () => {
    const created = await compliance.ok(
      `mutation { createSharingAgreement(reference: "GX-2026-001", party: "康宁体检中心", purpose: "为客户安排年度体检", fields: ["name", "phone"], validFrom: "2026-01-01", validUntil: "2026-12-31") { id party fields validFrom validUntil } }`,
    );
    agreementId = created.createSharingAgreement.id;
    const bad = await compliance.request('mutation { createSharingAgreement(party: "x", purpose: "y", fields: ["salary"], validFrom: "2026-01-01") { id } }');
    expect(bad.errors?.[0].extensions?.fields?.fields).toMatch(/salary/);
    const [noConsent]: { id: number }[] = await server.db.query('SELECT id FROM customer WHERE sharing_consent = 0 AND id <> ? LIMIT 1', [Number(customerId)]);
    const refused = await compliance.request('mutation A($a: ID!, $c: [ID!]!) { addCustomersToSharingAgreement(agreementId: $a, customerIds: $c) { id } }', { a: agreementId, c: [String(noConsent.id)] });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const added = await compliance.ok('mutation A($a: ID!, $c: [ID!]!) { addCustomersToSharingAgreement(agreementId: $a, customerIds: $c) { id customerCount customers { id } } }', { a: agreementId, c: [customerId] });
    expect(added.addCustomersToSharingAgreement.customerCount).toBe(1);
    const { Customer } = await compliance.ok('query C($id: ID!) { Customer(id: $id) { sharingAgreements { party purpose fields } } }', { id: customerId });
    expect(Customer.sharingAgreements).toEqual([{ party: '康宁体检中心', purpose: '为客户安排年度体检', fields: ['name', 'phone'] }]);
    expect(await agent.errorCode('{ allSharingAgreements { id } }')).toBe('FORBIDDEN');
  });

  it('keeps the old value of a correction in the history, masked', async () => {
    const { customerChangeHistory } = await compliance.ok('query H($id: ID!) { customerChangeHistory(customerId: $id) { action staffUsername changes } }', { id: customerId });
    const correction = customerChangeHistory.find((e: { action: string }) => e.action === 'customer.update');
    expect(correction.staffUsername).toBe('agent');
    expect(correction.changes.phone).toEqual({ from: '139****' + p.phone.slice(-4), to: '138****1111' });
  });

  it('exports everything held about the customer as JSON, recorded as a completed request and audited', async () => {
    const result = await compliance.ok(EXPORT, { customerId, channel: 'counter', note: '客户本人持身份证到柜面申请' });
    const copy = result.exportCustomerData;
    expect(copy.contentType).toBe('application/json');
    expect(copy.filename).toMatch(new RegExp(`^customer-${customerId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(copy.request).toMatchObject({ kind: 'access', status: 'completed', customerId });
    const data = JSON.parse(copy.content);
    expect(copy.sections).toEqual(['customer', 'policies', 'complaints', 'inquiries', 'consents', 'sharingAgreements', 'revealedBy', 'changes', 'dataRightsRequests']);
    for (const section of copy.sections) expect(data).toHaveProperty(section);
    // The customer's own values, in clear: it is their copy.
    expect(data.customer).toMatchObject({ id: Number(customerId), name: p.name, idNumber: p.idNumber, phone: '13800001111', email: p.email, address: p.address, birthDate: p.birthDate });
    expect(data.policies).toEqual([expect.objectContaining({ policyNumber: policy.policyNumber, roles: ['holder', 'insured'], expiryDate: '2026-12-31' })]);
    expect(data.complaints).toEqual([expect.objectContaining({ number: complaintNumber, complainantName: p.name, complainantPhone: p.phone })]);
    expect(data.complaints[0].timeline.length).toBeGreaterThan(0);
    expect(data.inquiries).toEqual([expect.objectContaining({ channel: 'app', policyNumber: policy.policyNumber, outcome: 'verified' })]);
    expect(data.consents.map((k: { kind: string; granted: boolean }) => [k.kind, k.granted])).toEqual([['marketing', true], ['third_party_sharing', true], ['marketing', false]]);
    expect(data.sharingAgreements).toEqual([expect.objectContaining({ reference: 'GX-2026-001', party: '康宁体检中心', fields: ['name', 'phone'], validUntil: '2026-12-31' })]);
    expect(data.revealedBy).toEqual([expect.objectContaining({ staffUsername: 'manager', field: 'idNumber', reason: '客户来电核实身份' })]);
    expect(data.changes.map((c: { action: string }) => c.action)).toEqual(expect.arrayContaining(['customer.create', 'customer.update', 'customer.consent']));
    expect(data.dataRightsRequests).toEqual([expect.objectContaining({ kind: 'access', status: 'completed' })]);
    const audit: { changes: string; staff_username: string }[] = await server.db.query("SELECT changes, staff_username FROM audit_entry WHERE action = 'customer.data_export' AND subject_id = ?", [customerId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].staff_username).toBe('compliance');
    expect(audit[0].changes).not.toContain(p.idNumber);
  });

  it('exports the same copy as a PDF whose Chinese text reads back, recorded and audited like the JSON', async () => {
    const result = await compliance.ok(EXPORT_PDF, { customerId, channel: 'counter', note: '客户要求纸质副本' });
    const copy = result.exportCustomerData;
    expect(copy).toMatchObject({ contentType: 'application/pdf', encoding: 'base64' });
    expect(copy.filename).toMatch(new RegExp(`^customer-${customerId}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    expect(copy.request).toMatchObject({ kind: 'access', status: 'completed', customerId });
    const bytes = Buffer.from(copy.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // pdf.js may put spaces between CJK glyphs of one line, and table cells wrap: compare without whitespace.
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    for (const expected of ['个人信息副本', p.name, p.idNumber, '13800001111', p.email, p.address.replace(/\s+/g, ''), policy.policyNumber, '安心医疗保险', complaintNumber, '康宁体检中心', '为客户安排年度体检', '客户来电核实身份', 'MKT-2026-01', '查阅复制']) {
      expect(text).toContain(expected);
    }
    // Every section of the JSON copy has its heading in the PDF.
    for (const heading of ['基本信息', '保单', '投诉', '保单查询记录', '授权同意', '向第三方提供', '查看您完整信息的工作人员', '信息变更记录', '您的权利申请']) expect(text).toContain(heading);
    const audit: { changes: string }[] = await server.db.query("SELECT changes FROM audit_entry WHERE action = 'customer.data_export' AND subject_id = ? ORDER BY seq", [customerId]);
    expect(audit.map((a) => (typeof a.changes === 'string' ? JSON.parse(a.changes) : a.changes).format)).toEqual(['json', 'pdf']);
    expect(JSON.stringify(audit[1].changes)).not.toContain(p.idNumber);
    const [request]: { outcome: string }[] = await server.db.query('SELECT outcome FROM data_rights_request WHERE id = ?', [Number(copy.request.id)]);
    expect(JSON.parse(request.outcome)).toMatchObject({ format: 'pdf' });
  });

  it('lists the request for compliance, and keeps the export from everyone else', async () => {
    const { allDataRightsRequests } = await compliance.ok('query R($f: DataRightsRequestFilter) { allDataRightsRequests(filter: $f) { id kind status customer { id } } }', { f: { customerId } });
    expect(allDataRightsRequests).toEqual([
      expect.objectContaining({ kind: 'access', status: 'completed', customer: { id: customerId } }),
      expect.objectContaining({ kind: 'access', status: 'completed', customer: { id: customerId } }),
    ]);
    for (const username of ['agent', 'manager', 'inspector', 'admin']) {
      const client = await server.signIn(username);
      expect(await client.errorCode(EXPORT, { customerId, channel: 'counter' })).toBe('FORBIDDEN');
      expect(await client.errorCode(EXPORT_PDF, { customerId, channel: 'counter' })).toBe('FORBIDDEN');
    }
  });

  it('ends third-party sharing when that consent is withdrawn', async () => {
    await agent.ok(RECORD_CONSENT, { customerId, kind: 'third_party_sharing', granted: false, channel: 'paper', textVersion: 'SHR-2026-01' });
    const { SharingAgreement } = await compliance.ok('query S($id: ID!) { SharingAgreement(id: $id) { customerCount } }', { id: agreementId });
    expect(SharingAgreement.customerCount).toBe(0);
  });
});
