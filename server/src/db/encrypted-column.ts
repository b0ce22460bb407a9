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

/** The stored values of the properties still sealed, per entity: what maskSealed knows a value by. */
const sealedOf = new WeakMap<object, Map<PropertyKey, string>>();

function unseal(entity: object, property: PropertyKey, value: unknown): void {
  sealedOf.get(entity)?.delete(property);
  Object.defineProperty(entity, property, ownValue(value));
}

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
    // One getter and setter per column, shared by every row: a list hydrates hundreds of sealed values.
    const sealedValue: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: object) {
        const clear = decryptField(sealedOf.get(this)!.get(property)!);
        unseal(this, property, clear);
        return clear;
      },
      set(this: object, next: unknown) {
        unseal(this, property, next);
      },
    };
    Object.defineProperty(prototype, property, {
      configurable: true,
      set(this: object, value: unknown) {
        if (!(value instanceof Sealed)) {
          unseal(this, property, value);
          return;
        }
        let sealed = sealedOf.get(this);
        if (!sealed) sealedOf.set(this, (sealed = new Map()));
        sealed.set(property, value.stored);
        Object.defineProperty(this, property, sealedValue);
      },
    });
  };
}

const MASKS_KEPT = 50_000;
const masks = new Map<string, string>();

/**
 * The mask of an encrypted property still sealed, without decrypting it when the same stored value was
 * masked before. A stored value (random IV, auth tag) stands for exactly one clear value, so its mask
 * can be kept: lists show the same customers' masked ID numbers and phones over and over, and the
 * decryption was the largest cost left in them (bench/NOTES.md, fix 12). Only masks are kept, never a
 * clear value; a value that fails to decrypt is never kept, so tampering is still refused at the read.
 * undefined when the property is not an encrypted one still sealed: the caller reads it as usual.
 */
export function maskSealed<K extends string>(entity: object, property: string, kind: K, maskOf: (kind: K, clear: string) => string | null): string | undefined {
  const stored = sealedOf.get(entity)?.get(property);
  if (stored === undefined) return undefined;
  const key = `${kind}:${stored}`;
  const known = masks.get(key);
  if (known !== undefined) return known;
  const clear = (entity as Record<string, unknown>)[property];
  if (typeof clear !== 'string') return undefined;
  const masked = maskOf(kind, clear);
  if (masked === null) return undefined;
  // Bounded, oldest first out: enough for the rows a busy server shows again and again.
  if (masks.size >= MASKS_KEPT) masks.delete(masks.keys().next().value as string);
  masks.set(key, masked);
  return masked;
}
