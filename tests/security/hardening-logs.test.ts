import { now } from '../../server/src/clock';
import { createLogger } from '../../server/src/logger';
import { base32Decode, totp } from '../../server/src/modules/auth/totp';
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import { GqlClient } from '../support/client';
import { LOGIN, startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { policiesOf, RESET } from '../api/inquiry-helpers';

jest.setTimeout(90_000);

// The server's log, at its most talkative level, while staff sign in (password, token, cookie), set up
// multi-factor sign-in (TOTP code), create a customer (ID number, mobile), reveal a field and run a
// policy inquiry (ID number, query password): every line is JSON with its request's id, and none
// holds any of those values in clear.

const MOBILE = '13912345678';
const ID_NUMBER = ((first17: string) => first17 + residentIdCheckDigit(first17))('11010519880423561');
const QUERY_PASSWORD = '582913';

/** `value` standing alone (not inside a longer run of letters, digits or dashes, as in a UUID). */
const standalone = (value: string) => new RegExp(`(^|[^\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);

describe('structured logs without secrets', () => {
  let server: TestServer;
  const lines: string[] = [];
  const secrets: Record<string, string> = { password: TEST_PASSWORD, idNumber: ID_NUMBER, mobile: MOBILE, queryPassword: QUERY_PASSWORD };

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 6, policies: 6 }, logger: createLogger('debug', (line) => void lines.push(line)) });
    // Sign-in by HTTP, keeping the token and the cookie the server set.
    const login = await server.anonymous.request<{ login: { token: string } }>(LOGIN, { username: 'manager', password: TEST_PASSWORD });
    secrets.token = login.data!.login.token;
    secrets.cookie = login.headers.get('set-cookie')!.split(';')[0].split('=')[1];
    const manager = new GqlClient(server.url, null, `insuredesk_session=${secrets.cookie}`);
    const { allBranches } = await manager.ok<{ allBranches: { id: string; code: string }[] }>('{ allBranches { id code } }');
    const created = await manager.ok<{ createCustomer: { id: string } }>(
      `mutation C($idNumber: String, $phone: String, $branchId: ID) { createCustomer(kind: individual, name: "郑阳", idType: resident_id, idNumber: $idNumber,
        phone: $phone, branchId: $branchId, source: application) { id } }`,
      { idNumber: ID_NUMBER, phone: MOBILE, branchId: allBranches.find((b) => b.code === 'BJ')!.id },
    );
    const revealed = await manager.ok<{ reveal: string }>('mutation R($id: ID!) { reveal(type: "Customer", id: $id, field: "idNumber", reason: "客户来电核实身份") }', { id: created.createCustomer.id });
    expect(revealed.reveal).toBe(ID_NUMBER);
    // A policy inquiry with the holder's ID number and query password.
    const [policy] = await policiesOf(server, 'BJ', 1);
    secrets.holderIdNumber = policy.holderIdNumber;
    await manager.ok(RESET, { policyId: policy.id, idNumber: policy.holderIdNumber, identityCheck: 'id_document_at_counter', newPassword: QUERY_PASSWORD });
    const inquiry = await manager.request(
      'mutation I($p: String!, $i: String!, $q: String!) { assistedPolicyInquiry(channel: hotline, policyNumber: $p, idNumber: $i, queryPassword: $q) { policyNumber } }',
      { p: policy.policyNumber, i: policy.holderIdNumber, q: QUERY_PASSWORD },
    );
    expect(inquiry.errors).toBeUndefined();
    // Multi-factor set-up: the TOTP secret and code go by.
    const compliance = await server.signIn('compliance');
    const started = await compliance.ok<{ beginMfaEnrolment: { secret: string } }>('mutation B($password: String!) { beginMfaEnrolment(password: $password) { secret } }', { password: TEST_PASSWORD });
    secrets.totpSecret = started.beginMfaEnrolment.secret;
    secrets.totpCode = totp(base32Decode(secrets.totpSecret), now());
    const confirmed = await compliance.ok<{ confirmMfaEnrolment: { recoveryCodes: string[] } }>('mutation C($code: String!) { confirmMfaEnrolment(code: $code) { recoveryCodes } }', { code: secrets.totpCode });
    secrets.recoveryCode = confirmed.confirmMfaEnrolment.recoveryCodes[0];
    // A failed sign-in with a password that is not the right one is still a password.
    secrets.wrongPassword = 'Tr0ub4dor&3-not-it';
    await server.anonymous.request(LOGIN, { username: 'agent', password: secrets.wrongPassword });
  });
  afterAll(() => server.stop());

  it('logged the work it was asked to do (so the search below means something)', () => {
    const operations = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'graphql operation');
    expect(operations.map((l) => l.fields[0])).toEqual(expect.arrayContaining(['login', 'createCustomer', 'reveal', 'assistedPolicyInquiry', 'confirmMfaEnrolment']));
    const login = operations.find((l) => l.fields[0] === 'login');
    expect(login.variables).toEqual({ username: 'manager', password: '[redacted]' });
  });

  it('writes one JSON object per line, each line of a request carrying its request id', () => {
    expect(lines.length).toBeGreaterThan(15);
    const parsed = lines.map((l) => JSON.parse(l));
    for (const line of parsed) expect(line).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) }));
    const requests = parsed.filter((l) => l.msg === 'request' || l.msg === 'graphql operation');
    expect(requests.length).toBeGreaterThan(10);
    for (const line of requests) expect(line.requestId).toMatch(/^[\w-]{8,}$/);
    expect(parsed.filter((l) => l.msg === 'request').map((l) => l.path)).toContain('/graphql');
  });

  it('holds no password, token, cookie, TOTP secret or code, recovery code, query password, ID number or mobile number in clear', () => {
    const log = lines.join('');
    for (const [name, value] of Object.entries(secrets)) {
      expect({ name, found: standalone(value).test(log) }).toEqual({ name, found: false });
    }
    // Masks are fine: the ID number and the mobile number may appear masked.
    expect(log).not.toContain(ID_NUMBER.slice(3, 14));
    expect(log).not.toContain(MOBILE.slice(3, 7) + MOBILE.slice(7));
  });
});
