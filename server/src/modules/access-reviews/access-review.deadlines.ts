import type { DataSource, EntityManager } from 'typeorm';
import { now } from '../../clock';
import { inTransaction } from '../../db/transaction';
import type { Logger } from '../../logger';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { revokeGrant } from '../staff/grant.service';
import { GrantStatus, RoleGrant } from '../staff/role-grant.entity';
import { AccessReviewCampaign } from './access-review-campaign.entity';
import { AccessReviewItem } from './access-review-item.entity';
import { CampaignStatus, DeadlineRule, ReviewOutcome } from './access-review.enums';
import { settle, totalsOf } from './access-review.service';

/** The job acts as nobody in particular; its audit entries say which job it was. */
const JOB = { requestId: 'job:access-reviews', staff: null };
const DAY_MS = 24 * 3600_000;

export interface DeadlineRun {
  reminded: number;
  closed: number;
  revoked: number;
  flagged: number;
}

/** One line for `npm run jobs:once` and the logs. */
export const describeDeadlineRun = (run: DeadlineRun): string =>
  `Access review job: ${run.reminded} campaigns reminded, ${run.closed} closed at their deadline, ${run.revoked} unanswered grants revoked, ${run.flagged} unanswered items kept and flagged.\n`;

const pendingItems = (em: EntityManager, campaignId: number) =>
  em.getRepository(AccessReviewItem).find({ where: { campaignId, outcome: ReviewOutcome.pending }, order: { id: 'ASC' } });

/** Reminds each reviewer with items still open (unassigned ones: the administrator who started the campaign), once per campaign. */
async function remind(em: EntityManager, campaign: AccessReviewCampaign, at: Date): Promise<void> {
  const items = await pendingItems(em, campaign.id);
  const byReviewer = new Map<number, number>();
  for (const item of items) {
    const to = item.reviewerId ?? campaign.createdById;
    if (to) byReviewer.set(to, (byReviewer.get(to) ?? 0) + 1);
  }
  for (const [reviewer, count] of byReviewer) {
    await notify(em, [reviewer], {
      kind: 'access_review_reminder',
      complaintId: null,
      title: `权限复核即将截止：${campaign.name}（${count} 项未复核）`,
      body: `${count} item(s) of the access review "${campaign.name}" still wait for your decision; the deadline is ${campaign.dueAt.toISOString()}. Unanswered items will then be ${campaign.deadlineRule === DeadlineRule.revoke ? 'revoked' : 'kept and flagged for compliance'}.`,
    }, at);
  }
  await em.update(AccessReviewCampaign, { id: campaign.id }, { remindedAt: at });
  await recordAudit(em, JOB, { action: 'access_review.remind', subjectType: 'AccessReviewCampaign', subjectId: campaign.id, changes: { pendingItems: items.length, reviewersReminded: byReviewer.size } });
}

/** At the deadline every unanswered item follows the campaign's rule, and the campaign closes. */
async function closeAtDeadline(em: EntityManager, campaign: AccessReviewCampaign, at: Date, run: DeadlineRun): Promise<void> {
  for (const item of await pendingItems(em, campaign.id)) {
    const grant = await em.getRepository(RoleGrant).findOneOrFail({ where: { id: item.grantId } });
    const live = grant.status === GrantStatus.active || grant.status === GrantStatus.pending_approval;
    if (!live) {
      await settle(em, item, { outcome: ReviewOutcome.already_ended });
    } else if (campaign.deadlineRule === DeadlineRule.revoke) {
      await revokeGrant(em, JOB, grant, `access review "${campaign.name}": no answer by the deadline`);
      await settle(em, item, { outcome: ReviewOutcome.revoked_at_deadline });
      run.revoked += 1;
    } else {
      await settle(em, item, { outcome: ReviewOutcome.kept_flagged, flagged: true });
      run.flagged += 1;
    }
  }
  await em.update(AccessReviewCampaign, { id: campaign.id }, { status: CampaignStatus.closed, closedAt: at, updatedAt: at, version: campaign.version + 1 });
  const totals = await totalsOf(em, campaign.id);
  await recordAudit(em, JOB, { action: 'access_review.deadline', subjectType: 'AccessReviewCampaign', subjectId: campaign.id, changes: { deadlineRule: campaign.deadlineRule, ...totals } });
  if (campaign.createdById) {
    await notify(em, [campaign.createdById], {
      kind: 'access_review_closed',
      complaintId: null,
      title: `权限复核已截止：${campaign.name}`,
      body: `The access review "${campaign.name}" closed at its deadline: ${totals.kept} kept, ${totals.revoked} revoked by reviewers, ${totals.revoked_at_deadline} revoked unanswered, ${totals.kept_flagged} kept and flagged.`,
    }, at);
  }
}

/**
 * Sends due reminders and closes campaigns past their deadline. Each campaign in its own transaction,
 * re-read inside it, so a run that overlaps another (or a reviewer's last answer) does nothing twice.
 */
export async function runAccessReviewDeadlines(db: DataSource, at: Date = now()): Promise<DeadlineRun> {
  const run: DeadlineRun = { reminded: 0, closed: 0, revoked: 0, flagged: 0 };
  const open = await db.getRepository(AccessReviewCampaign).createQueryBuilder('c').where('c.status = :open', { open: CampaignStatus.open }).orderBy('c.dueAt', 'ASC').getMany();
  for (const { id } of open) {
    await inTransaction(db, async (em) => {
      const campaign = await em.getRepository(AccessReviewCampaign).findOne({ where: { id, status: CampaignStatus.open } });
      if (!campaign) return;
      if (campaign.dueAt <= at) {
        await closeAtDeadline(em, campaign, at, run);
        run.closed += 1;
      } else if (!campaign.remindedAt && campaign.dueAt.getTime() - campaign.remindDaysBefore * DAY_MS <= at.getTime()) {
        await remind(em, campaign, at);
        run.reminded += 1;
      }
    });
  }
  return run;
}

/** Runs the deadline job every minute inside the server, like the complaint escalations; tests call it directly. */
export function startAccessReviewJobs(db: DataSource, logger: Logger, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runAccessReviewDeadlines(db)
      .then((run) => {
        if (run.reminded || run.closed) logger.info({ job: 'access-reviews', ...run }, 'access review job ran');
      })
      .catch((err: unknown) => logger.error({ job: 'access-reviews', err }, 'access review job failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

