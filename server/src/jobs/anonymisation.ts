import type { DataSource } from 'typeorm';
import { now } from '../clock';
import type { Config } from '../config';
import { inTransaction } from '../db/transaction';
import { todayIn } from '../time/local-date';
import { recordAudit } from '../modules/audit/audit.service';
import { anonymiseCustomer, type AnonymisationReport } from '../modules/data-rights/anonymise';
import { DataRightsRequest } from '../modules/data-rights/data-rights-request.entity';
import { DataRightsRequestKind, DataRightsRequestStatus } from '../modules/data-rights/data-rights.enums';
import { loadRetentionPolicy, retentionUntilFor } from '../modules/data-rights/data-rights.service';

export interface AnonymisationRun {
  /** Deletion requests still restricted. */
  checked: number;
  anonymised: AnonymisationReport[];
  /** Requests whose retention end moved (a policy was added or extended since). */
  rescheduled: number;
  /** The earliest retention end still ahead, if any. */
  nextDue: string | null;
}

const JOB_ACTOR = { requestId: 'job:anonymisation', staff: null };

/**
 * Anonymises the customers whose deletion request is waiting and whose legal retention period has
 * ended. The end is recomputed from the customer's policies on every run, so a policy renewed after
 * the request keeps the data as long as the law asks. Each customer in its own transaction, audited.
 */
export async function runAnonymisation(db: DataSource, config: Config, at: Date = now()): Promise<AnonymisationRun> {
  const today = todayIn(config.defaultTimezone, at);
  const rule = await loadRetentionPolicy(db.manager);
  const waiting = await db.getRepository(DataRightsRequest).find({ where: { kind: DataRightsRequestKind.deletion, status: DataRightsRequestStatus.restricted }, order: { id: 'ASC' } });
  const run: AnonymisationRun = { checked: waiting.length, anonymised: [], rescheduled: 0, nextDue: null };
  for (const request of waiting) {
    const until = await retentionUntilFor(db.manager, request.customerId, rule, request.receivedAt.toISOString().slice(0, 10));
    if (until > today) {
      if (until !== request.retentionUntil) {
        await inTransaction(db, (em) => em.update(DataRightsRequest, { id: request.id }, { retentionUntil: until }));
        run.rescheduled += 1;
      }
      if (!run.nextDue || until < run.nextDue) run.nextDue = until;
      continue;
    }
    const report = await inTransaction(db, async (em) => {
      // Another run may have taken it meanwhile: only a request still restricted is acted on.
      const claimed = await em.update(DataRightsRequest, { id: request.id, status: DataRightsRequestStatus.restricted }, { status: DataRightsRequestStatus.anonymised });
      if (!claimed.affected) return null;
      const done = await anonymiseCustomer(em, request.customerId);
      await em.update(DataRightsRequest, { id: request.id }, { retentionUntil: until, completedAt: at, outcome: done as never, version: request.version + 1, updatedAt: at });
      await recordAudit(em, JOB_ACTOR, {
        action: 'customer.anonymise',
        subjectType: 'Customer',
        subjectId: request.customerId,
        changes: { requestId: request.id, retentionUntil: until, ...done },
        reason: 'deletion requested; legal retention period ended',
      });
      return done;
    });
    if (report) run.anonymised.push(report);
  }
  return run;
}

/** One line per customer, for the command line and the server log. */
export function describeRun(run: AnonymisationRun): string {
  const lines = [`Anonymisation job: ${run.checked} deletion requests waiting, ${run.anonymised.length} customers anonymised, ${run.rescheduled} retention ends moved${run.nextDue ? `, next due ${run.nextDue}` : ''}.`];
  for (const r of run.anonymised) {
    lines.push(
      `  customer ${r.customerId}: ${r.customerFields.length} fields cleared, ${r.policiesTouched} policies' beneficiaries, ${r.queryPasswordsRemoved} query passwords removed, ` +
        `${r.complaints} complaints, ${r.complaintEvents} complaint events, ${r.inquiryLogLines} inquiry log lines, ${r.auditEntriesRedacted} audit entries redacted` +
        (r.auditEntriesKept ? ` (${r.auditEntriesKept} older audit entries could not be redacted)` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}
