import type { EntityManager } from 'typeorm';
import { CalendarDay } from './calendar-day.entity';
import { calendarOf, type WorkingCalendar } from './working-days';

/**
 * The whole working-day calendar, read fresh: a few dozen rows a year, so reading it per request or
 * per job run is cheaper than keeping caches on several servers in step after an edit.
 */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const rows = await em.getRepository(CalendarDay).find({ select: { day: true, kind: true } });
  return calendarOf(rows.map((row) => ({ day: String(row.day).slice(0, 10), kind: row.kind })));
}
