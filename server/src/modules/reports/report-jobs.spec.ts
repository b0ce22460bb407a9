import { enqueue, idle } from './report-jobs';

describe('report job queue', () => {
  it('runs work later, one job at a time, in order, and survives a failing job', async () => {
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} end`);
      if (fail) throw new Error('boom');
    };
    enqueue(job('a', true));
    enqueue(job('b'));
    // Nothing runs inside the request that queued it.
    expect(log).toEqual([]);
    await idle();
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
    enqueue(job('c'));
    await idle();
    expect(log.slice(-2)).toEqual(['c start', 'c end']);
  });
});
