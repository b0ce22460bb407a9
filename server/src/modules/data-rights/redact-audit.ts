import type { EntityManager } from 'typeorm';
import { now } from '../../clock';
import { contentDigest, entryHash } from '../audit/audit-chain';
import { AuditEntry } from '../audit/audit-entry.entity';
import { recordAudit } from '../audit/audit.service';
import { REDACTION_ACTION } from '../audit/audit-verify';
import { mentions, scrub, scrubJson } from './anonymise-text';

export interface AuditSubjects {
  customerId: number;
  policyIds: number[];
  complaintIds: number[];
}

const JOB_ACTOR = { requestId: 'job:anonymisation', staff: null };

/**
 * Removes a customer's personal values from the audit entries about them (their record, policies and
 * complaints), keeping the chain verifiable: each entry keeps the digest of what it held, and one
 * `audit.redact` entry names the digest of what each holds now. Entries chained before redaction
 * existed cannot be redacted without breaking the chain; they are counted, not changed.
 */
export async function redactAuditTrail(em: EntityManager, subjects: AuditSubjects, values: string[]): Promise<{ redacted: number; legacy: number }> {
  if (!values.length) return { redacted: 0, legacy: 0 };
  const qb = em.getRepository(AuditEntry).createQueryBuilder('a');
  const about: string[] = ["(a.subjectType = 'Customer' AND a.subjectId = :cid)"];
  if (subjects.policyIds.length) about.push("(a.subjectType = 'Policy' AND a.subjectId IN (:...pids))");
  if (subjects.complaintIds.length) about.push("(a.subjectType = 'Complaint' AND a.subjectId IN (:...kids))");
  qb.where(`(${about.join(' OR ')})`, { cid: String(subjects.customerId), pids: subjects.policyIds.map(String), kids: subjects.complaintIds.map(String) });
  const likes = values.map((_, i) => `a.changes LIKE :v${i} OR a.reason LIKE :v${i}`);
  // Wildcards in a value only widen the match; what is changed is decided on the exact text below.
  qb.andWhere(`(${likes.join(' OR ')})`, Object.fromEntries(values.map((v, i) => [`v${i}`, `%${v}%`])));
  const entries = (await qb.orderBy('a.seq').getMany()).filter((e) => mentions(e.changes, values) || mentions(e.reason, values));
  const at = now();
  const redacted: { seq: number; digest: string }[] = [];
  let legacy = 0;
  for (const entry of entries) {
    // Only an entry whose hash covers its content through the digest (keyed, or plain from before the
    // chain was keyed) can be redacted and still verify.
    if (!entry.redactedAt && entryHash(entry, true) !== entry.hash && entryHash(entry, false) !== entry.hash) {
      legacy += 1;
      continue;
    }
    const original = entry.redactedAt ? entry.contentDigest : contentDigest(entry);
    const changes = scrubJson(entry.changes, values);
    const reason = scrub(entry.reason, values);
    await em.update(AuditEntry, { id: entry.id }, { changes: changes as never, reason, contentDigest: original, redactedAt: entry.redactedAt ?? at });
    redacted.push({ seq: entry.seq, digest: contentDigest({ changes, reason }) });
  }
  if (redacted.length) {
    await recordAudit(em, JOB_ACTOR, { action: REDACTION_ACTION, subjectType: 'Customer', subjectId: subjects.customerId, changes: { redacted }, reason: 'customer anonymised after the retention period' });
  }
  return { redacted: redacted.length, legacy };
}
