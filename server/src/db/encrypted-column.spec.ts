import crypto from 'node:crypto';
import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EncryptedColumn, maskSealed } from './encrypted-column';
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

  describe('maskSealed', () => {
    const masker = jest.fn((kind: string, clear: string) => `${kind}:${clear.slice(-4)}`);
    beforeEach(() => masker.mockClear());

    it('masks a stored value once: the next row holding the same stored value is masked without decrypting', async () => {
      const { id } = await save('13800001111', null);
      const first = await load(id);
      expect(maskSealed(first, 'phone', 'phone', masker)).toBe('phone:1111');
      expect(isSealed(first, 'phone')).toBe(false);
      const second = await load(id);
      expect(maskSealed(second, 'phone', 'phone', masker)).toBe('phone:1111');
      // Still sealed: the mask came without a decryption (a read opens the property).
      expect(isSealed(second, 'phone')).toBe(true);
      expect(masker).toHaveBeenCalledTimes(1);
      // The clear value is still there for whoever reads it.
      expect(second.phone).toBe('13800001111');
    });

    it('leaves to the caller a value already read, changed, absent or not encrypted', async () => {
      const { id } = await save('13800002222', null);
      const read = await load(id);
      void read.phone;
      const changed = await load(id);
      changed.phone = '13900003333';
      const absent = await load(id);
      expect([maskSealed(read, 'phone', 'phone', masker), maskSealed(changed, 'phone', 'phone', masker)]).toEqual([undefined, undefined]);
      expect([maskSealed(absent, 'address', 'address', masker), maskSealed(absent, 'id', 'phone', masker)]).toEqual([undefined, undefined]);
      expect(masker).not.toHaveBeenCalled();
    });

    it('keeps no mask of a tampered value: every read is refused', async () => {
      const { id } = await save('13800004444', null);
      await db.query(`UPDATE sealed_thing SET phone_enc = replace(phone_enc, substr(phone_enc, -4), 'AAAA') WHERE id = ?`, [id]);
      for (let attempt = 0; attempt < 2; attempt++) {
        const thing = await load(id);
        expect(() => maskSealed(thing, 'phone', 'phone', masker)).toThrow();
      }
      expect(masker).not.toHaveBeenCalled();
    });
  });
});
