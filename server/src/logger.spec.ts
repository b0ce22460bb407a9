import { createLogger, withRequestId } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => void lines.push(line));
  return { logger, read: () => lines.map((l) => JSON.parse(l)) };
}

describe('logger', () => {
  it('writes JSON lines with level, time, message and the request id of the scope it runs in', async () => {
    const { logger, read } = capture();
    logger.info({ a: 1 }, 'outside');
    await withRequestId('req-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.warn({}, 'inside');
    });
    expect(read()).toEqual([
      { level: 'info', time: expect.any(String), a: 1, msg: 'outside' },
      { level: 'warn', time: expect.any(String), requestId: 'req-1', msg: 'inside' },
    ]);
  });

  it('builds a debug line\'s data only when debug lines are written, and redacts it like any other', () => {
    const build = jest.fn(() => ({ variables: { password: 'hunter2-long', page: 1 } }));
    const quiet: string[] = [];
    createLogger('warn', (line) => void quiet.push(line)).debug(build, 'graphql operation');
    expect([quiet, build.mock.calls.length]).toEqual([[], 0]);
    const { logger, read } = capture();
    logger.debug(build, 'graphql operation');
    expect(build).toHaveBeenCalledTimes(1);
    expect(read()).toEqual([{ level: 'debug', time: expect.any(String), variables: { password: '[redacted]', page: 1 }, msg: 'graphql operation' }]);
  });

  it('redacts credentials and personal data by key at any depth, and masks ID and mobile numbers in text', () => {
    const { logger, read } = capture();
    logger.info({ variables: { password: 'hunter2-long', input: { idNumber: '110105198804235616', note: 'call 13912345678 about 110105198804235616' } }, headers: { cookie: 'insuredesk_session=abc' } }, 'x 13912345678');
    const [line] = read();
    expect(line.variables).toEqual({ password: '[redacted]', input: { idNumber: '[redacted]', note: 'call 139****5678 about 110***********5616' } });
    expect(line.headers).toEqual({ cookie: '[redacted]' });
    expect(line.msg).toBe('x 139****5678');
  });

  it("blanks the values a database driver quotes, and keeps other errors' messages", () => {
    const { logger, read } = capture();
    const dup = Object.assign(new Error("Duplicate entry 'zhangsan' for key 'uq_staff_username'"), { code: 'ER_DUP_ENTRY' });
    logger.error({ err: dup }, 'internal error');
    logger.error({ err: new ReferenceError("Cannot access 'openComplaints' before initialization") }, 'internal error');
    const [driver, other] = read();
    expect(JSON.stringify(driver)).not.toContain('zhangsan');
    expect(driver.err.message).toBe("Duplicate entry '?' for key '?'");
    expect(other.err.message).toBe("Cannot access 'openComplaints' before initialization");
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    createLogger('warn', (line) => void lines.push(line)).info({}, 'quiet');
    expect(lines).toEqual([]);
  });
});
