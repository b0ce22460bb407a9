import { guardedQuery } from '../../access/guarded-query';
import { sqlTime } from '../../db/columns';
import type { RequestContext } from '../../graphql/context';
import { AccessReviewCampaign } from '../access-reviews/access-review-campaign.entity';
import { AccessReviewItem } from '../access-reviews/access-review-item.entity';
import { CampaignStatus, ReviewOutcome } from '../access-reviews/access-review.enums';
import { GrantStatus, RoleGrant } from '../staff/role-grant.entity';
import { accessPolicy } from '../staff/staff-lifecycle.service';
import { dormantCondition, dormantCutoff } from '../staff/staff.list';
import { Staff } from '../staff/staff.entity';
import { ifCan, num } from './dashboard-sql';
import type { AccessAdminWidget } from './dashboard.types';


/** The administrator's to-do: grants waiting for approval, reviews under way, accounts gone dormant. */
export async function accessAdmin(ctx: RequestContext): Promise<AccessAdminWidget> {
  const { dormantAfterDays } = await accessPolicy(ctx.db.manager);
  const [pendingApprovals, reviews, reviewItemsDue, dormantAccounts] = await Promise.all([
    ifCan(ctx, 'RoleGrant', () => guardedQuery(ctx, RoleGrant, 'g').andWhere('g.status = :pending', { pending: GrantStatus.pending_approval }).getCount()),
    ifCan(ctx, 'AccessReviewCampaign', () =>
      guardedQuery(ctx, AccessReviewCampaign, 'c')
        .andWhere('c.status = :open', { open: CampaignStatus.open })
        .select('COUNT(*)', 'n')
        .addSelect('MIN(c.due_at)', 'due')
        .getRawOne<{ n: unknown; due: string | Date | null }>(),
    ),
    ifCan(ctx, 'AccessReviewItem', () =>
      guardedQuery(ctx, AccessReviewItem, 'i')
        .innerJoin(AccessReviewCampaign, 'c', 'c.id = i.campaign_id AND c.status = :open', { open: CampaignStatus.open })
        .andWhere('i.outcome = :pending', { pending: ReviewOutcome.pending })
        .getCount(),
    ),
    ifCan(ctx, 'Staff', () => guardedQuery(ctx, Staff, 's').andWhere(dormantCondition('s', 'cutoff'), { cutoff: sqlTime(dormantCutoff(dormantAfterDays)) }).getCount()),
  ]);
  return {
    pendingApprovals,
    openReviews: reviews ? num(reviews.n) : null,
    reviewItemsDue,
    nextReviewDueAt: reviews?.due ? utcDate(reviews.due) : null,
    dormantAccounts,
    dormantAfterDays,
  };
}

/** A raw DATETIME: a Date from mysql2 (UTC connection), TypeORM's text form on SQLite. */
const utcDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));
