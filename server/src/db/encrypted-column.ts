import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';
import { decryptField, encryptField } from './field-crypto';

/** A value as stored, not yet decrypted. It never leaves the property that holds it. */
class Sealed {
  constructor(readonly stored: string) {}
}

const sealedColumn: ValueTransformer = {
  to: (value: string | null | undefined) => encryptField(value),
  from: (value: string | null) => (value === null || value === undefined || value === '' ? null : new Sealed(value)),
};

const ownValue = (value: unknown): PropertyDescriptor => ({ value, writable: true, enumerable: true, configurable: true });

/**
 * A column encrypted at rest (AES-256-GCM, field-crypto.ts) and decrypted on its first read, not when
 * the row is loaded: a list of 25 customers that shows no e-mail or address, or a policy list that
 * shows only the holder's name, no longer decrypts what it never shows (decryption was the largest
 * single cost of a list). To everything else the property is an ordinary one: the first read turns
 * it into a plain own value, and spreading, JSON and TypeORM's saves read it through that getter.
 */
export function EncryptedColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> & { length: number }): PropertyDecorator {
  return (prototype, property) => {
    Column({ ...options, type: 'varchar', transformer: sealedColumn })(prototype, property);
    Object.defineProperty(prototype, property, {
      configurable: true,
      set(this: object, value: unknown) {
        if (!(value instanceof Sealed)) {
          Object.defineProperty(this, property, ownValue(value));
          return;
        }
        Object.defineProperty(this, property, {
          configurable: true,
          enumerable: true,
          get(this: object) {
            const clear = decryptField(value.stored);
            Object.defineProperty(this, property, ownValue(clear));
            return clear;
          },
          set(this: object, next: unknown) {
            Object.defineProperty(this, property, ownValue(next));
          },
        });
      },
    });
  };
}
