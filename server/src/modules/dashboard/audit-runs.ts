import type { DataSource, EntityManager } from 'typeorm';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { AuditChainHead } from '../audit/audit-chain-head.entity';
import { verifyAuditChain, type ChainVerification } from '../audit/audit-verify';
import { recordAudit } from '../audit/audit.service';
import { enqueue } from '../reports/report-jobs';
import { AuditVerificationRun, VerificationStatus, VerificationTrigger } from './audit-verification-run.entity';

/** A running row without a heartbeat for this long belongs to a process that stopped. */
export const STALE_AFTER_MS = 10 * 60_000;

interface Starter {
  trigger: VerificationTrigger;
  staffId: number | null;
  staffName: string | null;
}

async function openRun(em: EntityManager, starter: Starter): Promise<AuditVerificationRun> {
  const head = await em.getRepository(AuditChainHead).findOne({ where: { id: 1 } });
  const at = now();
  return em.save(
    em.create(AuditVerificationRun, { ...starter, status: VerificationStatus.running, startedAt: at, heartbeatAt: at, finishedAt: null, total: head?.seq ?? 0, checked: 0, firstBrokenId: null, problem: null }),
  );
}

// Short transactions of their own: the embedded database has one connection, and the walk reads between them.
const updateRun = (db: DataSource, id: number, changes: Partial<AuditVerificationRun>) =>
  inTransaction(db, (em) => em.update(AuditVerificationRun, { id }, { ...changes, heartbeatAt: now() }));

async function walk(db: DataSource, run: AuditVerificationRun): Promise<ChainVerification> {
  try {
    const result = await verifyAuditChain(db, (checked) => updateRun(db, run.id, { checked }).then(() => undefined));
    const status = result.ok ? VerificationStatus.intact : VerificationStatus.broken;
    await updateRun(db, run.id, { status, checked: result.checked, firstBrokenId: result.firstBrokenId, problem: result.problem?.slice(0, 500) ?? null, finishedAt: now() });
    return result;
  } catch (error) {
    await updateRun(db, run.id, { status: VerificationStatus.failed, problem: String((error as Error).message ?? error).slice(0, 500), finishedAt: now() });
    throw error;
  }
}

/** Runs the verifier now and records the run (the command line and the `verifyAuditChain` query). */
export async function recordedVerification(db: DataSource, starter: Starter): Promise<ChainVerification> {
  const run = await inTransaction(db, (em) => openRun(em, starter));
  return walk(db, run);
}

/** A running row whose process is gone is reported as failed, so nobody waits for it. */
async function settled(db: DataSource, run: AuditVerificationRun): Promise<AuditVerificationRun> {
  if (run.status !== VerificationStatus.running || now().getTime() - run.heartbeatAt.getTime() < STALE_AFTER_MS) return run;
  const changes = { status: VerificationStatus.failed, problem: 'interrupted: the process running the check stopped; run it again', finishedAt: now() };
  await updateRun(db, run.id, changes);
  return Object.assign(run, changes);
}

export async function latestRun(db: DataSource): Promise<AuditVerificationRun | null> {
  const run = await db.getRepository(AuditVerificationRun).createQueryBuilder('r').orderBy('r.startedAt', 'DESC').addOrderBy('r.id', 'DESC').getOne();
  return run && settled(db, run);
}

/**
 * The dashboard's "check now": returns the running row at once and walks the chain in the background
 * (the console polls the latest run for its progress). A check already under way is joined, not doubled.
 */
export async function startVerification(ctx: RequestContext): Promise<AuditVerificationRun> {
  const current = await latestRun(ctx.db);
  if (current?.status === VerificationStatus.running) return current;
  const run = await inTransaction(ctx.db, async (em) => {
    // Recorded first, so the run's total includes this very entry.
    await recordAudit(em, ctx, { action: 'audit.verify', subjectType: 'AuditEntry', changes: { trigger: VerificationTrigger.dashboard } });
    return openRun(em, { trigger: VerificationTrigger.dashboard, staffId: ctx.staff!.id, staffName: ctx.staff!.displayName });
  });
  enqueue(() => walk(ctx.db, run).then(() => undefined));
  return run;
}
