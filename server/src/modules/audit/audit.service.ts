import type { DataSource, EntityManager } from 'typeorm';
import { now } from '../../clock';
import type { RequestContext } from '../../graphql/context';
import { inTransaction, isMysql } from '../../db/transaction';
import { AuditEntry, AuditOutcome } from './audit-entry.entity';
import { AuditChainHead } from './audit-chain-head.entity';
import { entryHash, headMac } from './audit-chain';

export interface AuditEvent {
  action: string;
  subjectType?: string | null;
  subjectId?: string | number | null;
  /** Already masked: sensitive values never reach the audit trail in clear. */
  changes?: Record<string, unknown> | null;
  reason?: string | null;
  outcome?: AuditOutcome;
}

type Actor = Pick<RequestContext, 'requestId'> & { staff: { id: number; username: string } | null };

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the change and its
 * record commit or roll back together.
 */
export async function recordAudit(em: EntityManager, actor: Actor, event: AuditEvent): Promise<AuditEntry> {
  const lock = isMysql(em.connection) ? ' FOR UPDATE' : '';
  const rows: { seq: number; hash: string; keyed_from: number | string | null; mac: string | null }[] = await em.query(`SELECT seq, hash, keyed_from, mac FROM audit_chain_head WHERE id = 1${lock}`);
  if (!rows.length) throw new Error('the audit chain head is missing: run the migrations');
  const head = rows[0];
  const entry = em.create(AuditEntry, {
    seq: Number(head.seq) + 1,
    at: now(),
    staffId: actor.staff?.id ?? null,
    staffUsername: actor.staff?.username ?? null,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId === undefined || event.subjectId === null ? null : String(event.subjectId),
    // Hash what the JSON column gives back: a Date becomes its ISO text, an undefined key goes.
    changes: event.changes ? (JSON.parse(JSON.stringify(event.changes)) as AuditEvent['changes']) : null,
    reason: event.reason ?? null,
    requestId: actor.requestId,
    outcome: event.outcome ?? AuditOutcome.success,
    prevHash: head.hash,
  });
  // Millisecond precision is what both databases keep; hash what will be read back.
  entry.at = new Date(Math.floor(entry.at.getTime()));
  // Always keyed, whatever the head says: a head whose keyed_from was moved in SQL must not make the
  // application write plain links someone could later recompute.
  entry.hash = entryHash(entry, true);
  const keyedFrom = head.keyed_from === null ? null : Number(head.keyed_from);
  await em.save(entry);
  // Only a head the key vouches for is vouched for again: one written over in SQL (a cut-off tail, a moved
  // keyedFrom) keeps its bad MAC, so the next append cannot bless it and the verifier keeps reporting it.
  const vouched = head.mac === headMac({ seq: Number(head.seq), hash: head.hash, keyedFrom });
  const mac = vouched ? headMac({ seq: entry.seq, hash: entry.hash, keyedFrom }) : head.mac;
  await em.update(AuditChainHead, { id: 1 }, { seq: entry.seq, hash: entry.hash, mac });
  return entry;
}

/** For refusals and failed sign-ins: the attempt is recorded even though the change is not made. */
export function recordAuditAlone(db: DataSource, actor: Actor, event: AuditEvent): Promise<AuditEntry> {
  return inTransaction(db, (em) => recordAudit(em, actor, event));
}
