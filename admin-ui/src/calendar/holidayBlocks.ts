import type { RaRecord } from 'react-admin';
import { addDays } from '../common/zonedTime';

export interface HolidayBlock {
  name: string;
  kind: string;
  from: string;
  to: string;
  days: number;
}

/**
 * Consecutive days of the same name and kind as one block ("国庆节 10-01–10-07"), the way the State
 * Council's notice announces them; a make-up working day is usually a block of its own.
 */
export function holidayBlocks(days: readonly RaRecord[]): HolidayBlock[] {
  const blocks: HolidayBlock[] = [];
  for (const day of [...days].sort((a, b) => String(a.day).localeCompare(String(b.day)))) {
    const last = blocks[blocks.length - 1];
    if (last && last.name === day.name && last.kind === day.kind && addDays(last.to, 1) === day.day) {
      last.to = String(day.day);
      last.days++;
    } else {
      blocks.push({ name: String(day.name), kind: String(day.kind), from: String(day.day), to: String(day.day), days: 1 });
    }
  }
  return blocks;
}
