import { call } from '../rights/api';

// The hash chain of the audit trail.

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  problem: string | null;
}

export async function verifyAuditChain(): Promise<ChainVerification> {
  return (await call<{ verifyAuditChain: ChainVerification }>('query { verifyAuditChain { ok checked firstBrokenId problem } }')).verifyAuditChain;
}
