import type { Logger as ApolloLogger } from '@apollo/utils.logger';
import type { Logger } from '../logger';

/** Apollo's own messages as our JSON lines (with the request id, through the same redaction). */
export function apolloLogger(logger: Logger): ApolloLogger {
  return {
    debug: (message) => logger.debug({ source: 'apollo' }, String(message)),
    info: (message) => logger.info({ source: 'apollo' }, String(message)),
    warn: (message) => logger.warn({ source: 'apollo' }, String(message)),
    error: (message) => logger.error({ source: 'apollo' }, String(message)),
  };
}
