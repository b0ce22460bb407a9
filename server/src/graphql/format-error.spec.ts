import { GraphQLError } from 'graphql';
import { formatError } from './format-error';

/** A resolver error as Apollo hands it to the formatter: the driver's error as originalError. */
function fromDriver(driverError: object, message: string) {
  const original = Object.assign(new Error(message), driverError, { driverError });
  const error = new GraphQLError(message, { originalError: original, path: ['createStaff'] });
  return formatError({ message, path: ['createStaff'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
}

describe('formatError', () => {
  it('turns a unique violation no service mapped into DUPLICATE, without the value (MySQL and SQLite wording)', () => {
    for (const [code, message] of [
      ['ER_DUP_ENTRY', "Duplicate entry '110105198804235616' for key 'uq_some_key'"],
      ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: staff.username'],
    ]) {
      const formatted = fromDriver({ code }, message);
      expect(formatted.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
      expect(JSON.stringify(formatted)).not.toMatch(/110105|Duplicate entry|UNIQUE|staff\.username/);
    }
  });

  it('turns a lost database connection into DATABASE_UNAVAILABLE, and anything else into a masked INTERNAL', () => {
    expect(fromDriver({ code: 'PROTOCOL_CONNECTION_LOST' }, 'Connection lost: The server closed the connection.').extensions?.code).toBe('DATABASE_UNAVAILABLE');
    const other = fromDriver({ code: 'ER_PARSE_ERROR' }, "You have an error in your SQL syntax near 'SELECT secret FROM x'");
    expect(other).toEqual({ message: 'Internal error: quote the request id when reporting it', path: ['createStaff'], extensions: { code: 'INTERNAL' } });
  });

  it('answers the parser\'s token limit without naming it', () => {
    const formatted = formatError({ message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('x'));
    expect(formatted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    expect(JSON.stringify(formatted)).not.toMatch(/\d/);
  });
});
