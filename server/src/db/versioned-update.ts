import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { now } from '../clock';
import { AppError } from '../graphql/errors';

/**
 * Writes `changes` only if the row still has the version the caller saw, and bumps it; a stale
 * version is a CONFLICT and changes nothing. The check is in the UPDATE itself, so two concurrent
 * writers cannot both pass it.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  current: T,
  expectedVersion: number,
  changes: Partial<T>,
): Promise<void> {
  if (current.version !== expectedVersion) throw new AppError('STALE_VERSION');
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1', updatedAt: now() } as never)
    .where('id = :id AND version = :version', { id: current.id, version: expectedVersion })
    .execute();
  if (result.affected === 0) throw new AppError('STALE_VERSION');
}
