import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The secret the chain is keyed with (AUDIT_CHAIN_KEY, or data/keys.json for the embedded database). With
 * plain SHA-256 anyone who can write SQL could rewrite the tail and recompute every hash after it; with an
 * HMAC they cannot produce a link the verifier accepts. Set once at start-up, like the field keys.
 */
let chainKey: Buffer | null = null;

export function configureAuditChainKey(key: Buffer): void {
  chainKey = key;
}

function currentKey(): Buffer {
  if (!chainKey) throw new Error('the audit chain key is not configured');
  return chainKey;
}

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
 * The hash of an entry: HMAC-SHA256 under the chain key from the chain head's `keyedFrom` on, plain
 * SHA-256 before it (entries written before the chain was keyed). Its free-text content (changes, reason) enters through its digest, so personal
 * data in it can be redacted when a customer is anonymised: a redacted entry keeps the digest of what it
 * held (`contentDigest`), its hash still verifies, and an `audit.redact` entry later in the chain names
 * the digest of what it holds now.
 */
export function entryHash(entry: ChainedFields, keyed: boolean): string {
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
  const hash = keyed ? crypto.createHmac('sha256', currentKey()) : crypto.createHash('sha256');
  return hash.update(entry.prevHash).update('\n').update(body).digest('hex');
}

/** Whether the entry at `seq` is keyed, given the chain head's first keyed entry. */
export const isKeyed = (seq: number, keyedFrom: number | null) => keyedFrom !== null && seq >= keyedFrom;

export interface ChainHeadState {
  seq: number;
  hash: string;
  keyedFrom: number | null;
}

/**
 * The head's own MAC: the head names the last entry and where keying began, and only the key holder can
 * vouch for both, so cutting off the tail or moving `keyedFrom` past rewritten entries is caught.
 */
export function headMac(head: ChainHeadState): string {
  return crypto.createHmac('sha256', currentKey()).update(`audit-chain-head\n${head.seq}\n${head.hash}\n${head.keyedFrom ?? ''}`).digest('hex');
}
