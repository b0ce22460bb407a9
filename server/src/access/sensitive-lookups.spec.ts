import { advanceClock, resetClock } from '../clock';
import { foundAny, LOOKUP_BUDGET, LookupBudget, maskLookupValues, sensitiveLookupKeys } from './sensitive-lookups';

describe('searches by the exact value of a sensitive field', () => {
  afterEach(() => resetClock());

  it('are the filters on sensitive fields, and a customer q that could be a whole ID number or phone', () => {
    expect(sensitiveLookupKeys('Customer', { idNumber: '110105199003071234', name: '张', phone: ' ', branchId: '1' })).toEqual(['idNumber']);
    expect(sensitiveLookupKeys('Customer', { q: '13812345678' })).toEqual(['q']);
    expect(sensitiveLookupKeys('Customer', { q: '张伟' })).toEqual([]);
    expect(sensitiveLookupKeys('Customer', { q: '1101' })).toEqual([]);
    expect(sensitiveLookupKeys('Complaint', { complainantPhone: '13812345678', q: 'TS202611220001' })).toEqual(['complainantPhone']);
    expect(sensitiveLookupKeys('Policy', { q: 'BJ2026000123' })).toEqual([]);
    expect(sensitiveLookupKeys('Customer', null)).toEqual([]);
  });

  it('are kept masked where a filter is recorded', () => {
    expect(maskLookupValues('Customer', { idNumber: '110105199003071234', phone: '13812345678', q: '13912345678', name: '张' })).toEqual({
      idNumber: '110***********1234',
      phone: '138****5678',
      q: '139****5678',
      name: '张',
    });
    expect(maskLookupValues('Customer', { q: '张伟' })).toEqual({ q: '张伟' });
    expect(maskLookupValues('Customer', null)).toBeNull();
  });

  it('found something when a list has rows, a count (run at once or deferred) is above zero or an export has rows', async () => {
    const deferred = (count: number) => ({ upTo: async (limit: number) => ({ count: Math.min(count, limit) }) });
    const answers = [[], [{}], { count: 0 }, { count: 2 }, { rows: 0, csv: '' }, deferred(0), deferred(3)].map(foundAny);
    await expect(Promise.all(answers)).resolves.toEqual([false, true, false, true, false, false, true]);
  });

  it('spend a budget per staff member only when they find nothing, and the budget comes back with time', () => {
    const budget = new LookupBudget();
    for (let i = 0; i < LOOKUP_BUDGET.misses; i++) expect(budget.reserve(1)).toBe(true);
    expect(budget.reserve(1)).toBe(false);
    expect(budget.reserve(2)).toBe(true);
    budget.refund(2);
    for (let i = 0; i < LOOKUP_BUDGET.misses; i++) expect(budget.reserve(2)).toBe(true);
    expect([budget.shouldReport(1), budget.shouldReport(1)]).toEqual([true, false]);
    advanceClock(LOOKUP_BUDGET.windowMs + 1);
    expect(budget.reserve(1)).toBe(true);
    expect(budget.shouldReport(1)).toBe(true);
  });
});
