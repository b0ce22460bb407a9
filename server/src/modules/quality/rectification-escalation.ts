import type { DataSource } from 'typeorm';
import { now } from '../../clock';
import type { Config } from '../../config';
import { sqlTime } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/audit.service';
import { localDateOf } from '../calendar/deadlines';
import { notify } from '../notifications/notification.service';
import { branchStaffWithRole } from '../notifications/notify-branch';
import { QualityInspection } from './quality-inspection.entity';
import { QualityRectification } from './quality-rectification.entity';
import { RECTIFICATION_OPEN_STATES } from './quality.enums';
import { rectificationNumber } from './quality-rectification.service';

export interface RectificationEscalationRun {
  checked: number;
  escalated: number;
}

const JOB_ACTOR = { requestId: 'job:rectification-escalation', staff: null };
/** Told besides the owner: the managers of the branch (like a breached complaint clock). */
export const RECTIFICATION_ESCALATION_ROLE = 'manager';

/**
 * Flags rectifications still to do past the end of their due day and escalates each once per due date:
 * the owner, the inspector who raised it and the branch's managers are notified, and the escalation
 * is audited. The `escalated_at IS NULL` guard in the UPDATE makes a second run (or a second server) a no-op.
 */
export async function runRectificationEscalations(db: DataSource, config: Config, at: Date = now()): Promise<RectificationEscalationRun> {
  const due = await db
    .getRepository(QualityRectification)
    .createQueryBuilder('r')
    .where('r.state IN (:...states)', { states: RECTIFICATION_OPEN_STATES })
    .andWhere('r.dueAt < :at', { at: sqlTime(at) })
    .andWhere('r.escalatedAt IS NULL')
    .orderBy('r.id', 'ASC')
    .getMany();
  const run: RectificationEscalationRun = { checked: due.length, escalated: 0 };
  for (const r of due) {
    const done = await inTransaction(db, async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(QualityRectification)
        .set({ escalatedAt: at })
        .where('id = :id AND escalated_at IS NULL', { id: r.id })
        .execute();
      if (!result.affected) return false;
      const inspection = await em.getRepository(QualityInspection).findOne({ where: { id: r.inspectionId } });
      const managers = r.branchId ? await branchStaffWithRole(em, RECTIFICATION_ESCALATION_ROLE, r.branchId, at) : [];
      const recipients = [...new Set([r.ownerId, ...(inspection ? [inspection.inspectorId] : []), ...managers])];
      const number = rectificationNumber(r);
      await notify(
        em,
        recipients,
        {
          kind: 'rectification_overdue',
          complaintId: null,
          title: `整改逾期：${number}`,
          body: `整改事项 ${number} 已超过整改期限（${r.dueDate}，今天 ${localDateOf(at, config.defaultTimezone)}）：${r.requiredAction}`,
        },
        at,
      );
      await recordAudit(em, JOB_ACTOR, { action: 'quality_rectification.escalate', subjectType: 'QualityRectification', subjectId: r.id, changes: { dueDate: r.dueDate, state: r.state, recipients } });
      return true;
    });
    if (done) run.escalated++;
  }
  return run;
}
