import crypto from 'node:crypto';
import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EncryptedColumn } from './encrypted-column';
import * as fieldCrypto from './field-crypto';

@Entity('sealed_thing')
class Thing {
  @PrimaryGeneratedColumn()
  id: number;

  @EncryptedColumn({ name: 'phone_enc', length: 255, nullable: true })
  phone: string | null;

  @EncryptedColumn({ name: 'address_enc', length: 255, nullable: true })
  address: string | null;
}

describe('EncryptedColumn', () => {
  let db: DataSource;
  // Still sealed: an accessor that decrypts on first read; opened: a plain value.
  const isSealed = (thing: Thing, field: keyof Thing) => typeof Object.getOwnPropertyDescriptor(thing, field)?.get === 'function';

  beforeAll(async () => {
    fieldCrypto.configureFieldCrypto({ encryptionKey: crypto.randomBytes(32), blindIndexKey: crypto.randomBytes(32) });
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing], synchronize: true }).initialize();
  });
  afterAll(() => db.destroy());

  const save = (phone: string | null, address: string | null) => db.getRepository(Thing).save(Object.assign(new Thing(), { phone, address }));
  const load = (id: number) => db.getRepository(Thing).findOneByOrFail({ id });

  it('stores ciphertext and reads back the clear value', async () => {
    const { id } = await save('13812345678', '北京市朝阳区');
    const [row] = await db.query('SELECT phone_enc, address_enc FROM sealed_thing WHERE id = ?', [id]);
    expect(row.phone_enc).toMatch(/^v1\./);
    expect(row.phone_enc).not.toContain('13812345678');
    const thing = await load(id);
    expect([thing.phone, thing.address]).toEqual(['13812345678', '北京市朝阳区']);
  });

  it('decrypts a value when it is first read, once, and never one that is not read', async () => {
    const { id } = await save('13812345678', '北京市朝阳区');
    const thing = await load(id);
    expect([isSealed(thing, 'phone'), isSealed(thing, 'address')]).toEqual([true, true]);
    expect(thing.phone).toBe('13812345678');
    expect([isSealed(thing, 'phone'), isSealed(thing, 'address')]).toEqual([false, true]);
    expect(thing.phone).toBe('13812345678');
  });

  it('behaves as a plain property to spreading, JSON and Object.keys', async () => {
    const { id } = await save('13812345678', null);
    const thing = await load(id);
    expect({ ...thing }).toEqual({ id, phone: '13812345678', address: null });
    expect(JSON.parse(JSON.stringify(thing))).toEqual({ id, phone: '13812345678', address: null });
    expect(Object.keys(thing).sort()).toEqual(['address', 'id', 'phone']);
  });

  it('saves a change to a value never read, and leaves the other one as it was', async () => {
    const { id } = await save('13812345678', '北京市朝阳区');
    const thing = await load(id);
    thing.address = '上海市浦东新区';
    await db.getRepository(Thing).save(thing);
    const again = await load(id);
    expect([again.phone, again.address]).toEqual(['13812345678', '上海市浦东新区']);
  });

  it('names tampering when the value is read', async () => {
    const { id } = await save('13812345678', null);
    await db.query(`UPDATE sealed_thing SET phone_enc = replace(phone_enc, substr(phone_enc, -4), 'AAAA') WHERE id = ?`, [id]);
    const thing = await load(id);
    expect(() => thing.phone).toThrow();
  });
});
