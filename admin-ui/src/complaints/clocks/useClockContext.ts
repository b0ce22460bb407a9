import { useMemo } from 'react';
import { useGetList, useGetOne } from 'react-admin';
import { useAbility } from '../../common/useAbility';
import { useTimezone } from '../../common/useStaff';
import type { ClockContext } from './clockView';
import type { ClockKind, ClockUnit } from './clockTypes';
import { useNow } from './useNow';
import { localDate } from '../../common/zonedTime';

const SETTINGS_STALE_MS = 10 * 60_000;

/** How each clock counts; the regulatory limit counts calendar or working days as the policy says. */
function unitOf(kind: ClockKind, regulatoryDayKind: string | undefined): ClockUnit {
  if (kind === 'materials_notice' || kind === 'resolution_target') return 'working_days';
  if (kind === 'resolution_regulatory') return regulatoryDayKind === 'working' ? 'working_days' : 'days';
  return 'hours';
}

/**
 * What telling a clock's time left needs: now, the holiday calendar (last, this and next year) and
 * the deadline policy, both read-only settings every complaint worker may read, fetched once and
 * shared by every badge on the page. Without them, weekends alone make the working days.
 */
export function useClockContext(): (kind: ClockKind) => ClockContext {
  const ability = useAbility();
  const timeZone = useTimezone();
  const now = useNow();
  const year = Number(localDate(now, timeZone).slice(0, 4));
  const { data: days } = useGetList(
    'calendarDays',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'day', order: 'ASC' }, filter: { day_gte: `${year - 1}-01-01`, day_lte: `${year + 1}-12-31` } },
    { enabled: !!ability?.can('read', 'CalendarDay'), staleTime: SETTINGS_STALE_MS },
  );
  const { data: policy } = useGetOne('complaintPolicy', { id: 'current' }, { enabled: !!ability?.can('read', 'ComplaintPolicy'), staleTime: SETTINGS_STALE_MS });
  const overrides = useMemo(() => new Map((days ?? []).map((day) => [String(day.day), day.kind === 'workday' ? ('workday' as const) : ('holiday' as const)])), [days]);
  const regulatoryDayKind = policy?.regulatoryDayKind as string | undefined;
  return useMemo(() => (kind: ClockKind) => ({ now, timeZone, overrides, unit: unitOf(kind, regulatoryDayKind) }), [now, timeZone, overrides, regulatoryDayKind]);
}
