import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import type { GqlClient, GqlResult } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';

// Server start and seeding can take more than jest's 5 s default on a loaded machine (the api
// project's testTimeout in jest.config.js is not applied to hooks run under `projects`).
jest.setTimeout(60_000);

// Bad input gets a clear, specific error naming the field, and nothing is written: no row, no
// change to an existing row, no audit entry.

/** A resident ID with the right check digit: 6-digit area, YYYYMMDD birth date, 3-digit sequence. */
function residentId(birth: string, sequence: string, area = '110101'): string {
  const first17 = `${area}${birth}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

function withWrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

const CREATE_CUSTOMER = `mutation C($kind: CustomerKind, $name: String, $idType: IdType, $idNumber: String, $branchId: ID,
  $source: DataSource, $birthDate: String, $phone: String) {
  createCustomer(kind: $kind, name: $name, idType: $idType, idNumber: $idNumber, branchId: $branchId, source: $source,
    birthDate: $birthDate, phone: $phone) { id name version }
}`;
const UPDATE_CUSTOMER = `mutation U($id: ID!, $version: Int!, $kind: CustomerKind, $name: String, $idNumber: String, $birthDate: String) {
  updateCustomer(id: $id, version: $version, kind: $kind, name: $name, idNumber: $idNumber, birthDate: $birthDate) { id name version }
}`;
const CREATE_POLICY = `mutation P($policyNumber: String, $productCode: String, $productName: String, $line: PolicyLine, $holderId: ID,
  $insuredId: ID, $beneficiaries: [BeneficiaryInput!], $sumInsuredFen: SafeInt, $premiumFen: SafeInt,
  $paymentFrequency: PaymentFrequency, $paymentStatus: PaymentStatus, $effectiveDate: String, $expiryDate: String,
  $status: PolicyStatus, $salesChannel: SalesChannel, $branchId: ID) {
  createPolicy(policyNumber: $policyNumber, productCode: $productCode, productName: $productName, line: $line,
    holderId: $holderId, insuredId: $insuredId, beneficiaries: $beneficiaries, sumInsuredFen: $sumInsuredFen,
    premiumFen: $premiumFen, paymentFrequency: $paymentFrequency, paymentStatus: $paymentStatus,
    effectiveDate: $effectiveDate, expiryDate: $expiryDate, status: $status, salesChannel: $salesChannel,
    branchId: $branchId) { id policyNumber version }
}`;
const UPDATE_POLICY = `mutation U($id: ID!, $version: Int!, $expiryDate: String, $beneficiaries: [BeneficiaryInput!]) {
  updatePolicy(id: $id, version: $version, expiryDate: $expiryDate, beneficiaries: $beneficiaries) { id version }
}`;

type Vars = Record<string, unknown>;

describe('bad input is refused with the field named, and nothing is written', () => {
  let server: TestServer;
  let manager: GqlClient;
  let branchId: string;
  let customer: { id: string; name: string; version: number; idNumber: string };
  let other: { id: string; idNumber: string };
  let policy: { id: string; policyNumber: string; version: number };
  let customerBase: Vars;
  let policyBase: Vars;

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 12, policies: 12 } });
    manager = await server.signIn('manager');
    const me = await manager.ok<{ allBranches: { id: string; code: string }[] }>('{ allBranches { id code } }');
    branchId = me.allBranches.find((b) => b.code === 'BJ')!.id;
    customerBase = { kind: 'individual', name: '孙悦', idType: 'resident_id', idNumber: residentId('19850612', '401'), branchId, source: 'application' };
    const created = (await manager.ok(CREATE_CUSTOMER, customerBase)).createCustomer;
    customer = { ...created, idNumber: customerBase.idNumber as string };
    // Same birth date and sex as the first, so only the number itself can clash.
    const second = residentId('19850612', '403');
    other = { id: (await manager.ok(CREATE_CUSTOMER, { ...customerBase, name: '周琳', idNumber: second })).createCustomer.id, idNumber: second };
    policyBase = {
      policyNumber: 'BJ2026T000001', productCode: 'LF2001', productName: '鑫享终身寿险', line: 'life', holderId: customer.id, insuredId: customer.id,
      beneficiaries: [{ name: '孙一', relationship: '子女', sharePercent: 100 }], sumInsuredFen: 50_000_000, premiumFen: 1_200_000,
      paymentFrequency: 'annual', paymentStatus: 'current', effectiveDate: '2026-01-01', expiryDate: '2045-12-31', status: 'in_force',
      salesChannel: 'agency', branchId,
    };
    policy = (await manager.ok(CREATE_POLICY, policyBase)).createPolicy;
  });
  afterAll(() => server.stop());

  async function snapshot() {
    const count = async (sql: string) => Number(((await server.db.query(sql)) as { n: number | string }[])[0].n);
    const rows: { name: string; version: number; id_number_hash: string }[] = await server.db.query('SELECT name, version, id_number_hash FROM customer WHERE id = ?', [Number(customer.id)]);
    const policyRows: { expiry_date: unknown; beneficiaries: string; version: number }[] = await server.db.query('SELECT expiry_date, beneficiaries, version FROM policy WHERE id = ?', [Number(policy.id)]);
    return {
      customers: await count('SELECT COUNT(*) AS n FROM customer'),
      policies: await count('SELECT COUNT(*) AS n FROM policy'),
      audit: await count('SELECT COUNT(*) AS n FROM audit_entry'),
      customer: rows[0],
      policy: policyRows[0],
    };
  }

  /** Sends the request, checks the code and the named field, and that the database did not move. */
  async function expectRefused(query: string, variables: Vars, field: string, code = 'BAD_USER_INPUT'): Promise<GqlResult> {
    const before = await snapshot();
    const result = await manager.request(query, variables);
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe(code);
    expect(Object.keys(error.extensions?.fields ?? {})).toContain(field);
    expect(error.message).toContain(code === 'BAD_USER_INPUT' ? field : '');
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
    return result;
  }

  describe('createCustomer', () => {
    it('refuses an 18-digit ID number with a wrong check digit', async () => {
      const result = await expectRefused(CREATE_CUSTOMER, { ...customerBase, idNumber: withWrongCheckDigit(residentId('19900307', '123')) }, 'idNumber');
      expect(result.errors![0].extensions!.fields!.idNumber).toMatch(/check digit/);
    });

    it('refuses a resident ID whose birth date does not exist', async () => {
      const result = await expectRefused(CREATE_CUSTOMER, { ...customerBase, idNumber: residentId('19900230', '123') }, 'idNumber');
      expect(result.errors![0].extensions!.fields!.idNumber).toMatch(/19900230/);
    });

    it('refuses an unknown enum value sent as a variable', async () => {
      const result = await expectRefused(CREATE_CUSTOMER, { ...customerBase, idNumber: residentId('19900307', '125'), kind: 'alien' }, 'kind');
      expect(result.errors![0].message).toMatch(/alien/);
    });

    it('refuses a name of 101 characters but takes one of 100', async () => {
      await expectRefused(CREATE_CUSTOMER, { ...customerBase, idNumber: residentId('19900307', '127'), name: '名'.repeat(101) }, 'name');
      const ok = await manager.ok(CREATE_CUSTOMER, { ...customerBase, idNumber: residentId('19900307', '127'), name: '名'.repeat(100) });
      expect(ok.createCustomer.name).toHaveLength(100);
    });

    it('refuses a birth date that is not a real date', async () => {
      await expectRefused(CREATE_CUSTOMER, { ...customerBase, kind: 'individual', idType: 'passport', idNumber: 'E12345678', birthDate: '2026-13-45' }, 'birthDate');
    });

    it('refuses an unknown argument', async () => {
      const query = CREATE_CUSTOMER.replace('phone: $phone)', 'phone: $phone, nickname: "小孙")');
      await expectRefused(query, { ...customerBase, idNumber: residentId('19900307', '131') }, 'nickname');
    });

    it('refuses a create without a required field', async () => {
      const { name: _omitted, ...withoutName } = customerBase;
      await expectRefused(CREATE_CUSTOMER, { ...withoutName, idNumber: residentId('19900307', '133') }, 'name');
    });

    it('refuses a duplicate ID number with CONFLICT, without echoing the number', async () => {
      const result = await expectRefused(CREATE_CUSTOMER, { ...customerBase, name: '冒名者' }, 'idNumber', 'CONFLICT');
      expect(JSON.stringify(result.errors)).not.toContain(customer.idNumber);
      expect(JSON.stringify(result.errors)).not.toContain(customer.idNumber.slice(6, 14));
    });

    it('recognises the same ID number typed with spaces and a lower-case x as a duplicate', async () => {
      let withX = '';
      for (let seq = 100; !withX; seq++) {
        const id = residentId('19780808', String(seq));
        if (id.endsWith('X')) withX = id;
      }
      await manager.ok(CREATE_CUSTOMER, { ...customerBase, idNumber: withX });
      const typed = `${withX.slice(0, 6)} ${withX.slice(6, 14)} ${withX.slice(14).toLowerCase()}`;
      const result = await expectRefused(CREATE_CUSTOMER, { ...customerBase, idNumber: typed }, 'idNumber', 'CONFLICT');
      expect(JSON.stringify(result.errors)).not.toContain(withX.slice(6, 14));
    });
  });

  describe('updateCustomer', () => {
    const base = () => ({ id: customer.id, version: customer.version });

    it('refuses an ID number with a wrong check digit', async () => {
      await expectRefused(UPDATE_CUSTOMER, { ...base(), idNumber: withWrongCheckDigit(residentId('19850612', '401')) }, 'idNumber');
    });

    it('refuses a resident ID whose birth date does not exist', async () => {
      await expectRefused(UPDATE_CUSTOMER, { ...base(), idNumber: residentId('19851332', '401') }, 'idNumber');
    });

    it('refuses an unknown enum value sent as a variable', async () => {
      await expectRefused(UPDATE_CUSTOMER, { ...base(), kind: 'alien' }, 'kind');
    });

    it('refuses an over-long name', async () => {
      await expectRefused(UPDATE_CUSTOMER, { ...base(), name: 'n'.repeat(101) }, 'name');
    });

    it('refuses a malformed birth date', async () => {
      await expectRefused(UPDATE_CUSTOMER, { ...base(), birthDate: '2026-13-45' }, 'birthDate');
    });

    it('refuses an unknown argument', async () => {
      await expectRefused(UPDATE_CUSTOMER.replace('birthDate: $birthDate)', 'birthDate: $birthDate, vip: true)'), base(), 'vip');
    });

    it('refuses an update without its version', async () => {
      const query = `mutation { updateCustomer(id: ${customer.id}, name: "无版本") { id } }`;
      const result = await expectRefused(query, {}, 'version');
      expect(result.errors![0].message).toMatch(/version/);
    });

    it("refuses another customer's ID number with CONFLICT, without echoing it", async () => {
      const current = (await manager.ok(`{ Customer(id: ${other.id}) { version } }`)).Customer;
      const result = await expectRefused(UPDATE_CUSTOMER, { id: other.id, version: current.version, idNumber: customer.idNumber }, 'idNumber', 'CONFLICT');
      expect(JSON.stringify(result.errors)).not.toContain(customer.idNumber);
      const rows: { id_number_hash: string }[] = await server.db.query('SELECT id_number_hash FROM customer WHERE id = ?', [Number(other.id)]);
      expect(rows[0].id_number_hash).not.toBe((await snapshot()).customer.id_number_hash);
    });
  });

  describe('createPolicy', () => {
    const fresh = (n: number) => `BJ2026T${String(n).padStart(6, '0')}`;

    it('refuses an expiry date not written YYYY-MM-DD', async () => {
      await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(2), expiryDate: '31/12/2026' }, 'expiryDate');
    });

    it('refuses an expiry date before the effective date', async () => {
      const result = await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(3), effectiveDate: '2026-06-01', expiryDate: '2026-05-31' }, 'expiryDate');
      expect(result.errors![0].extensions!.fields!.expiryDate).toMatch(/after the effective date/);
    });

    it('refuses beneficiary shares that do not add up to 100', async () => {
      const beneficiaries = [
        { name: '孙一', relationship: '子女', sharePercent: 60 },
        { name: '孙二', relationship: '子女', sharePercent: 30 },
      ];
      const result = await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(4), beneficiaries }, 'beneficiaries');
      expect(result.errors![0].extensions!.fields!.beneficiaries).toMatch(/90/);
    });

    it('refuses a duplicate policy number with CONFLICT', async () => {
      await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: policy.policyNumber }, 'policyNumber', 'CONFLICT');
    });

    it('refuses an unknown enum value sent as a variable', async () => {
      await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(5), line: 'spaceship' }, 'line');
    });

    it('refuses an over-long product name', async () => {
      await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(6), productName: 'p'.repeat(101) }, 'productName');
    });

    it('refuses an unknown field inside a beneficiary', async () => {
      const beneficiaries = [{ name: '孙一', relationship: '子女', sharePercent: 100, nickname: '一一' }];
      // A coercion error: the field names the row, the message the unknown field.
      const result = await expectRefused(CREATE_POLICY, { ...policyBase, policyNumber: fresh(7), beneficiaries }, 'beneficiaries[0]');
      expect(result.errors![0].message).toMatch(/"nickname" is not defined/);
    });

    it('refuses a create without a required field', async () => {
      const { productName: _omitted, ...withoutName } = policyBase;
      await expectRefused(CREATE_POLICY, { ...withoutName, policyNumber: fresh(8) }, 'productName');
    });
  });

  describe('updatePolicy', () => {
    it('refuses an expiry date before the stored effective date, and shares not adding up to 100', async () => {
      await expectRefused(UPDATE_POLICY, { id: policy.id, version: policy.version, expiryDate: '2025-12-31' }, 'expiryDate');
      await expectRefused(UPDATE_POLICY, { id: policy.id, version: policy.version, beneficiaries: [{ name: '孙一', relationship: '子女', sharePercent: 99 }] }, 'beneficiaries');
    });
  });
});
