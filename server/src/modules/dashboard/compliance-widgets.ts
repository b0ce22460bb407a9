import { guardedQuery } from '../../access/guarded-query';
import type { RequestContext } from '../../graphql/context';
import { addDays, todayIn } from '../../time/local-date';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintEvent } from '../complaints/complaint-event.entity';
import { DataRightsRequest } from '../data-rights/data-rights-request.entity';
import { DataRightsRequestStatus } from '../data-rights/data-rights.enums';
import { dayStartParam, ifCan, num, quarterStart } from './dashboard-sql';
import type { ComplianceFiguresWidget } from './dashboard.types';
import { openComplaints as openComplaintsQuery } from './complaint-widgets';
import { openRectificationCount } from './quality-widgets';

/** Anonymisation counts as due this many days before the retention period ends, so it can be planned. */
export const DATA_RIGHTS_DUE_DAYS = 30;


/** The company-wide figures of the compliance officer (within the caller's row rules: a branch role sees its branch). */
export async function complianceFigures(ctx: RequestContext): Promise<ComplianceFiguresWidget> {
  const tz = ctx.config.defaultTimezone;
  const quarterFrom = quarterStart(tz);
  const dataRightsDueBy = addDays(todayIn(tz), DATA_RIGHTS_DUE_DAYS);
  const [openComplaints, breachedThisQuarter, openRectifications, dataRightsDue] = await Promise.all([
    ifCan(ctx, 'Complaint', () => openComplaintsQuery(ctx).getCount()),
    // Every clock that ran out is escalated once as a breach (per clock and appeal cycle): those events are the breaches.
    ifCan(ctx, 'Complaint', () =>
      guardedQuery(ctx, Complaint, 'c')
        .innerJoin(ComplaintEvent, 'e', 'e.complaint_id = c.id')
        .andWhere("e.kind = 'escalation_breach' AND e.at >= :qFrom", { qFrom: dayStartParam(quarterFrom, tz) })
        .select('COUNT(*)', 'n')
        .getRawOne<{ n: unknown }>()
        .then((row) => num(row?.n)),
    ),
    ifCan(ctx, 'QualityRectification', () => openRectificationCount(ctx)),
    ifCan(ctx, 'DataRightsRequest', () =>
      guardedQuery(ctx, DataRightsRequest, 'd')
        .andWhere('d.status = :restricted AND d.retention_until <= :dueBy', { restricted: DataRightsRequestStatus.restricted, dueBy: dataRightsDueBy })
        .getCount(),
    ),
  ]);
  return { openComplaints, breachedThisQuarter, quarterFrom, openRectifications, dataRightsDue, dataRightsDueBy };
}
