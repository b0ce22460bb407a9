import { registerEnumType } from 'type-graphql';

/** Whose grants a campaign reviews. */
export enum ReviewScope {
  everyone = 'everyone',
  branch = 'branch',
  role = 'role',
}

/** What happens at the deadline to items nobody answered. */
export enum DeadlineRule {
  revoke = 'revoke',
  keep_and_flag = 'keep_and_flag',
}

export enum CampaignStatus {
  open = 'open',
  /** Every item was answered before the deadline. */
  completed = 'completed',
  /** The deadline passed; unanswered items followed the deadline rule. */
  closed = 'closed',
  cancelled = 'cancelled',
}

export enum ReviewDecision {
  keep = 'keep',
  revoke = 'revoke',
}

export enum ReviewOutcome {
  pending = 'pending',
  kept = 'kept',
  revoked = 'revoked',
  /** Unanswered at the deadline under the keep-and-flag rule: the grant stays, the item is flagged for compliance. */
  kept_flagged = 'kept_flagged',
  /** Unanswered at the deadline under the revoke rule. */
  revoked_at_deadline = 'revoked_at_deadline',
  /** The grant had already ended (revoked or expired) when the item was settled. */
  already_ended = 'already_ended',
  cancelled = 'cancelled',
}

registerEnumType(ReviewScope, { name: 'ReviewScope' });
registerEnumType(DeadlineRule, { name: 'ReviewDeadlineRule', description: 'What happens at the deadline to unanswered items' });
registerEnumType(CampaignStatus, { name: 'ReviewCampaignStatus' });
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
registerEnumType(ReviewOutcome, { name: 'ReviewOutcome' });
