import type { DataSource } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditChainHead } from './audit-chain-head.entity';
import { contentDigest, entryHash, GENESIS_HASH, headMac, isKeyed } from './audit-chain';

/** The action of the entry that names the entries just redacted and the digest of what each holds now. */
export const REDACTION_ACTION = 'audit.redact';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  problem: string | null;
}

const BATCH = 2000;

/**
 * Walks the whole chain in order: every entry must follow the previous one (no gap in `seq`), link to
 * its hash, and hash to what it holds — under the chain key from the head's `keyedFrom` on, and from the
 * first entry that is keyed on (an unkeyed entry after a keyed one is a break, wherever the head says
 * keying began); the head must point at the last entry (no cut-off tail) and carry the key's MAC over itself.
 */
export async function verifyAuditChain(db: DataSource, onProgress?: (checked: number) => Promise<void>): Promise<ChainVerification> {
  const repo = db.getRepository(AuditEntry);
  // Where keying began does not change once set; the head as a whole is checked at the end.
  const keyedFrom = (await db.getRepository(AuditChainHead).findOne({ where: { id: 1 } }))?.keyedFrom ?? null;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let afterSeq = 0;
  // A keyed entry before the head's `keyedFrom` means the head was moved: hold every later entry to the key.
  let sawKeyed = false;
  // Redacted entries seen, waiting for the redaction record that vouches for their present content.
  const unvouched = new Map<number, { id: number; digest: string }>();
  for (;;) {
    const batch = await repo
      .createQueryBuilder('a')
      .where('a.seq > :afterSeq', { afterSeq })
      .orderBy('a.seq', 'ASC')
      .take(BATCH)
      .getMany();
    for (const entry of batch) {
      const broken = (problem: string): ChainVerification => ({ ok: false, checked, firstBrokenId: entry.id, problem });
      if (entry.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (entry.prevHash !== prevHash) return broken('does not link to the previous entry');
      if (entryHash(entry, true) === entry.hash) {
        sawKeyed = true;
      } else if (sawKeyed || isKeyed(entry.seq, keyedFrom)) {
        // Once one entry is keyed every later one is: a plain link after it was written without the key.
        return broken(entryHash(entry, false) === entry.hash ? 'hashed without the audit key where the chain is keyed' : 'content does not match its hash');
      } else if (entryHash(entry, false) !== entry.hash) {
        return broken('content does not match its hash');
      }
      if (entry.redactedAt) unvouched.set(entry.seq, { id: entry.id, digest: contentDigest(entry) });
      if (entry.action === REDACTION_ACTION) {
        for (const item of (entry.changes?.redacted ?? []) as { seq: number; digest: string }[]) {
          if (unvouched.get(item.seq)?.digest === item.digest) unvouched.delete(item.seq);
        }
      }
      checked += 1;
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    // Between batches: long walks report how far they got (the dashboard shows it).
    await onProgress?.(checked);
    if (batch.length < BATCH) break;
    afterSeq = batch[batch.length - 1].seq;
  }
  const [first] = unvouched.values();
  if (first) return { ok: false, checked, firstBrokenId: first.id, problem: 'redacted content does not match any redaction record' };
  const head = await db.getRepository(AuditChainHead).findOne({ where: { id: 1 } });
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return { ok: false, checked, firstBrokenId: null, problem: `the chain head names entry ${headSeq} but the chain ends at ${checked}` };
  }
  if (!head || head.keyedFrom === null || head.keyedFrom !== keyedFrom || head.mac !== headMac({ seq: head.seq, hash: head.hash, keyedFrom: head.keyedFrom })) {
    return { ok: false, checked, firstBrokenId: null, problem: 'the chain head is not vouched for by the audit key: it was written outside the application' };
  }
  return { ok: true, checked, firstBrokenId: null, problem: null };
}
