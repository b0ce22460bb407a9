// What each built-in role can create, change and delete of customers, what the mutation payloads
// show, and that every refusal writes nothing but a 'denied' audit entry.
import { mask } from '../../server/src/access/mask';
import { Customer } from '../../server/src/modules/customers/customer.entity';
import { residentIdCheckDigit } from '../../server/src/modules/customers/id-number';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows, customersOf, expectDeniedAndAudited, MASKED_ID, MASKED_MOBILE, refusal, signInAll, type Fixture } from './access-helpers';

const FIELDS = 'id name branchId idNumber phone email address version';
const CREATE = `mutation C($kind: CustomerKind, $name: String, $idType: IdType, $idNumber: String, $branchId: ID, $source: DataSource, $phone: String) {
  createCustomer(kind: $kind, name: $name, idType: $idType, idNumber: $idNumber, branchId: $branchId, source: $source, phone: $phone) { ${FIELDS} }
}`;
const UPDATE = `mutation U($id: ID!, $version: Int!, $name: String, $phone: String, $idNumber: String, $branchId: ID, $email: String, $address: String) {
  updateCustomer(id: $id, version: $version, name: $name, phone: $phone, idNumber: $idNumber, branchId: $branchId, email: $email, address: $address) { ${FIELDS} }
}`;
const DELETE = `mutation D($id: ID!) { deleteCustomer(id: $id) { ${FIELDS} } }`;
const ONE = `query One($id: ID!) { Customer(id: $id) { ${FIELDS} } }`;

let serial = 100;
/** A valid resident ID nobody in the demo data has (an area code the demo set does not use). */
function newResidentId(birthDate = '1990-03-07', gender: string | null = 'male'): string {
  serial += 1;
  const sequence = `${String(serial % 100).padStart(2, '0')}${gender === 'female' ? 2 : 1}`;
  const body = `130102${birthDate.replace(/-/g, '')}${sequence}`;
  return body + residentIdCheckDigit(body);
}

describe('customers: what each role can write', () => {
  let server: TestServer;
  let f: Fixture;
  let bj: Customer[];
  let sh: Customer[];
  const rawRow = async (id: number) => (await server.db.query('SELECT * FROM customer WHERE id = ?', [id]))[0];
  const stored = (id: number) => server.db.getRepository(Customer).findOneBy({ id });
  const person = (branchId: number) => ({
    kind: 'individual',
    name: '测试客户',
    idType: 'resident_id',
    idNumber: newResidentId(),
    branchId: String(branchId),
    source: 'application',
    phone: `139${String(serial).padStart(8, '0')}`,
  });

  beforeAll(async () => {
    server = await startTestServer({ demo: { customers: 100, policies: 40 } });
    f = await signInAll(server);
    bj = (await customersOf(server, f.branch.BJ)).filter((c) => c.kind === 'individual' && c.phone && c.email && c.address);
    sh = await customersOf(server, f.branch.SH);
    expect(bj.length).toBeGreaterThan(6);
  });
  afterAll(() => server.stop());

  it('lets an agent create a customer in their branch: the payload is masked, the database holds ciphertext', async () => {
    const input = person(f.branch.BJ);
    const { createCustomer: created } = await f.clients.agent.ok(CREATE, input);
    expect(created.idNumber).toMatch(MASKED_ID);
    expect(created.idNumber).toBe(mask('idNumber', input.idNumber));
    expect(created.phone).toMatch(MASKED_MOBILE);
    expect(created).toMatchObject({ name: '测试客户', branchId: String(f.branch.BJ), version: 1 });
    const saved = (await stored(Number(created.id)))!;
    expect([saved.idNumber, saved.phone]).toEqual([input.idNumber, input.phone]);
    const raw = await rawRow(saved.id);
    expect(raw.id_number_enc).not.toContain(input.idNumber);
    expect(raw.phone_enc).not.toContain(input.phone);
    const audit: { outcome: string; changes: string }[] = await server.db.query(
      "SELECT outcome, changes FROM audit_entry WHERE action = 'customer.create' AND subject_id = ?",
      [created.id],
    );
    expect(audit.map((a) => a.outcome)).toEqual(['success']);
    expect(audit[0].changes).not.toContain(input.idNumber);
  });

  it('refuses an agent creating a customer in another branch, and writes nothing', async () => {
    const before = await countRows(server, 'SELECT COUNT(*) AS n FROM customer');
    const error = await expectDeniedAndAudited(server, f.staffId.agent, () => f.clients.agent.request(CREATE, person(f.branch.SH)));
    expect(error.message).not.toContain(String(serial));
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM customer')).toBe(before);
  });

  it('lets an agent change the phone of a customer of their branch', async () => {
    const c = bj[0];
    const { updateCustomer: updated } = await f.clients.agent.ok(UPDATE, { id: c.id, version: c.version, phone: '13700001111' });
    expect(updated).toMatchObject({ phone: '137****1111', idNumber: mask('idNumber', c.idNumber), version: c.version + 1 });
    const saved = (await stored(c.id))!;
    expect([saved.phone, saved.idNumber, saved.version]).toEqual(['13700001111', c.idNumber, c.version + 1]);
  });

  it.each([
    ['idNumber', () => ({ idNumber: newResidentId() })],
    ['branchId', (f: Fixture) => ({ branchId: String(f.branch.SH) })],
  ])('refuses an agent changing %s: FORBIDDEN naming the field, nothing written', async (field, change) => {
    // The new ID number does not even fit the birth date: the refusal is about the right, not the value.
    const c = bj[1];
    const before = await rawRow(c.id);
    const error = await expectDeniedAndAudited(server, f.staffId.agent, () =>
      f.clients.agent.request(UPDATE, { id: c.id, version: before.version, phone: '13700002222', ...change(f) }),
    );
    expect(error.message).toContain(field);
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(await rawRow(c.id)).toEqual(before);
    const audit: { action: string; reason: string }[] = await server.db.query(
      "SELECT action, reason FROM audit_entry WHERE staff_id = ? AND outcome = 'denied' ORDER BY seq DESC LIMIT 1",
      [f.staffId.agent],
    );
    expect(audit[0].action).toBe('mutation.updateCustomer');
    expect(audit[0].reason).toContain(field);
  });

  it('keeps the real values when an edit form sends back the masks it was shown', async () => {
    const c = bj[2];
    const shown = (await f.clients.agent.ok(ONE, { id: c.id })).Customer;
    expect(shown.idNumber).toMatch(MASKED_ID);
    const { updateCustomer: updated } = await f.clients.agent.ok(UPDATE, {
      id: c.id,
      version: shown.version,
      name: '改过的名字',
      idNumber: shown.idNumber,
      phone: shown.phone,
      email: shown.email,
      address: shown.address,
    });
    expect(updated).toMatchObject({ name: '改过的名字', idNumber: shown.idNumber, phone: shown.phone, version: shown.version + 1 });
    const saved = (await stored(c.id))!;
    expect([saved.idNumber, saved.phone, saved.email, saved.address]).toEqual([c.idNumber, c.phone, c.email, c.address]);

    // The manager may change ID numbers, but the mask alone still means "unchanged".
    const before = await rawRow(c.id);
    const again = (await f.clients.manager.ok(UPDATE, { id: c.id, version: saved.version, idNumber: shown.idNumber })).updateCustomer;
    expect(again.version).toBe(saved.version);
    expect((await stored(c.id))!.idNumber).toBe(c.idNumber);
    expect(await rawRow(c.id)).toEqual(before);

    // A mask that is not the one shown is no value: refused, never stored.
    const wrong = refusal(await f.clients.manager.request(UPDATE, { id: c.id, version: saved.version, phone: '139****0000', idNumber: '110***********0000' }));
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(wrong.fields ?? {}).sort()).toEqual(['idNumber', 'phone']);
    expect(await rawRow(c.id)).toEqual(before);
    const masked = refusal(await f.clients.agent.request(CREATE, { ...person(f.branch.BJ), phone: '139****0000' }));
    expect([masked.code, Object.keys(masked.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['phone']]);
  });

  it('answers an agent touching a customer of another branch exactly like a missing one, and changes nothing', async () => {
    const other = sh[0];
    const before = await rawRow(other.id);
    const forbidden = await expectDeniedAndAudited(
      server,
      f.staffId.agent,
      () => f.clients.agent.request(UPDATE, { id: other.id, version: other.version, phone: '13700003333' }),
      'NOT_FOUND',
    );
    const missing = refusal(await f.clients.agent.request(UPDATE, { id: '999999', version: 1, phone: '13700003333' }));
    expect(forbidden).toEqual(missing);
    const deleteForbidden = await expectDeniedAndAudited(server, f.staffId.manager, () => f.clients.manager.request(DELETE, { id: other.id }), 'NOT_FOUND');
    expect(deleteForbidden).toEqual(refusal(await f.clients.manager.request(DELETE, { id: '999999' })));
    expect(await rawRow(other.id)).toEqual(before);
    // The trail names the record that was tried, so a compliance officer can tell whose it was.
    const audit: { action: string; subject_type: string; subject_id: string }[] = await server.db.query(
      "SELECT action, subject_type, subject_id FROM audit_entry WHERE staff_id = ? AND outcome = 'denied' AND subject_id = ?",
      [f.staffId.agent, String(other.id)],
    );
    expect(audit).toEqual([{ action: 'mutation.updateCustomer', subject_type: 'Customer', subject_id: String(other.id) }]);
  });

  it('refuses an agent deleting a customer, even of their own branch', async () => {
    const c = bj[3];
    await expectDeniedAndAudited(server, f.staffId.agent, () => f.clients.agent.request(DELETE, { id: c.id }));
    expect(await stored(c.id)).not.toBeNull();
  });

  it('lets a manager change an ID number in their branch, but not move the customer to another branch', async () => {
    const c = bj[4];
    const next = newResidentId(c.birthDate!, c.gender);
    const { updateCustomer: updated } = await f.clients.manager.ok(UPDATE, { id: c.id, version: c.version, idNumber: next });
    expect(updated.idNumber).toBe(mask('idNumber', next));
    expect((await stored(c.id))!.idNumber).toBe(next);
    const found = await f.clients.manager.ok(`{ allCustomers(filter: { idNumber: "${next}" }) { id } }`);
    expect(found.allCustomers).toEqual([{ id: String(c.id) }]);

    const before = await rawRow(c.id);
    await expectDeniedAndAudited(server, f.staffId.manager, () =>
      f.clients.manager.request(UPDATE, { id: c.id, version: before.version, branchId: String(f.branch.SH) }),
    );
    expect(await rawRow(c.id)).toEqual(before);
    // And an agent cannot move one either, whichever branch they name.
    await expectDeniedAndAudited(server, f.staffId.agent, () =>
      f.clients.agent.request(UPDATE, { id: c.id, version: before.version, branchId: String(f.branch.GD) }),
    );
    expect(await rawRow(c.id)).toEqual(before);
  });

  it('lets a manager create and delete a customer of their branch; both payloads are masked', async () => {
    const input = person(f.branch.BJ);
    const created = (await f.clients.manager.ok(CREATE, input)).createCustomer;
    expect(created.idNumber).toBe(mask('idNumber', input.idNumber));
    const { deleteCustomer: deleted } = await f.clients.manager.ok(DELETE, { id: created.id });
    expect(deleted).toMatchObject({ id: created.id, idNumber: mask('idNumber', input.idNumber), phone: mask('phone', input.phone) });
    expect(await stored(Number(created.id))).toBeNull();
    await expectDeniedAndAudited(server, f.staffId.manager, () => f.clients.manager.request(CREATE, person(f.branch.SH)));
  });

  it.each(['inspector', 'compliance', 'admin'] as const)('refuses %s every customer write, and writes nothing', async (role) => {
    const c = bj[5];
    const before = await rawRow(c.id);
    const total = await countRows(server, 'SELECT COUNT(*) AS n FROM customer');
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(CREATE, person(f.branch.BJ)));
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(UPDATE, { id: c.id, version: before.version, name: '不该改' }));
    await expectDeniedAndAudited(server, f.staffId[role], () => f.clients[role].request(DELETE, { id: c.id }));
    expect(await rawRow(c.id)).toEqual(before);
    expect(await countRows(server, 'SELECT COUNT(*) AS n FROM customer')).toBe(total);
  });
});
