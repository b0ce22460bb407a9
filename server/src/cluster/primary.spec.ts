import { LookupBudget } from '../access/sensitive-lookups';
import { RateLimiter } from '../modules/inquiry/rate-limiter';
import { TokenBuckets } from '../security/rate-limit';
import { STORES } from './primary';
import { STORE } from './shared-store';

// A worker's call to a store the primary does not hold fails the request: every name the modules use
// must have its store in the primary, of the class the module keeps locally.
describe('the stores the primary holds for its workers', () => {
  it('has one for every name the modules use, of the same class', () => {
    expect(Object.keys(STORES).sort()).toEqual(Object.values(STORE).sort());
    expect(STORES[STORE.operationBuckets]()).toBeInstanceOf(TokenBuckets);
    expect(STORES[STORE.operationRefusalsReported]()).toBeInstanceOf(TokenBuckets);
    expect(STORES[STORE.inquiries]()).toBeInstanceOf(RateLimiter);
    expect(STORES[STORE.lookups]()).toBeInstanceOf(LookupBudget);
  });
});
