import type { EntityManager } from 'typeorm';
import { now } from '../../clock';
import { loadClockContext } from './complaint-deadlines';
import { Complaint } from './complaint.entity';
import { outcomeValues, storeOutcomes } from './complaint-outcomes';

// Only what the clocks read: no encrypted contact details to decrypt for every complaint.
const COLUMNS = [
  'id', 'channel', 'receivedAt', 'closedAt', 'majorSince', 'regulatorDueAt', 'regulatorReportedAt', 'firstResponseAt', 'materialsRequestedAt', 'materialsCompleteAt',
  'acceptedAt', 'notAcceptedAt', 'communicatedAt', 'withdrawnAt', 'reopenedAt', 'appealCount', 'deadlineExtendedAt', 'headOfficeReportedAt',
].map((field) => `c.${field}`);

/** The zone the server counts deadlines in (config.ts's DEFAULT_TIMEZONE), for callers without a config. */
export const defaultTimezone = (): string => process.env.DEFAULT_TIMEZONE || 'Asia/Shanghai';

/**
 * Stores the deadline outcomes of every complaint (the migration that added them; the bench and test
 * loaders that insert complaints in bulk behind the service's back), `batch` complaints at a time in
 * id order, so neither memory nor one statement grows with the register.
 */
export async function backfillComplaintOutcomes(em: EntityManager, timezone: string, batch = 1000): Promise<number> {
  const cc = await loadClockContext(em, timezone);
  const at = now();
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await em.getRepository(Complaint).createQueryBuilder('c').select(COLUMNS).where('c.id > :after', { after }).orderBy('c.id', 'ASC').limit(batch).getMany();
    for (const c of rows) await storeOutcomes(em, c.id, outcomeValues(c, cc, at));
    done += rows.length;
    if (rows.length < batch) return done;
    after = rows[rows.length - 1].id;
  }
}
