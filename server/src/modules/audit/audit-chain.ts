import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  staffId: number | null;
  staffUsername: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  changes: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  outcome: string;
  prevHash: string;
  /** Set when the entry was redacted: the digest of the content it held, which its hash covers. */
  contentDigest?: string | null;
  redactedAt?: Date | null;
}

/** Key order is fixed here, so the same entry hashes the same after a round trip through any database. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** The digest of an entry's free-text content (changes and reason). */
export function contentDigest(entry: Pick<ChainedFields, 'changes' | 'reason'>): string {
  return crypto.createHash('sha256').update(canonical({ changes: entry.changes, reason: entry.reason })).digest('hex');
}

/**
 * The hash of an entry. Its free-text content (changes, reason) enters through its digest, so personal
 * data in it can be redacted when a customer is anonymised: a redacted entry keeps the digest of what it
 * held (`contentDigest`), its hash still verifies, and an `audit.redact` entry later in the chain names
 * the digest of what it holds now.
 */
export function entryHash(entry: ChainedFields): string {
  const digest = entry.redactedAt && entry.contentDigest ? entry.contentDigest : contentDigest(entry);
  const body = canonical({
    seq: entry.seq,
    at: entry.at.toISOString(),
    staffId: entry.staffId,
    staffUsername: entry.staffUsername,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    content: digest,
    requestId: entry.requestId,
    outcome: entry.outcome,
  });
  return crypto.createHash('sha256').update(entry.prevHash).update('\n').update(body).digest('hex');
}
