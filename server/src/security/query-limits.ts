import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from '../config';
import { AppError } from '../graphql/errors';
import type { Logger } from '../logger';

/**
 * GraphQL Armor's depth, alias, cost and directive rules, run by Apollo in the validation step, so an
 * oversized query is refused before any resolver runs. A rule reports instead of throwing (a throw
 * inside graphql's validate would surface as an internal error), and reports our own error, which
 * names no limit and echoes nothing of the query.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const refuse = { exposeLimits: false, propagateOnRejection: false, onReject: [(ctx: ValidationContext | null) => ctx?.reportError(new AppError('QUERY_TOO_COMPLEX'))] };
  return [
    maxDepthRule({ n: limits.depth, ...refuse }),
    maxAliasesRule({ n: limits.aliases, ...refuse }),
    costLimitRule({ maxCost: limits.cost, ...refuse }),
    maxDirectivesRule({ n: limits.directives, ...refuse }),
  ] as ValidationRule[];
}

/** The token limit is enforced by graphql's own parser (Apollo's parseOptions), before any validation. */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.tokens };
}

// graphql 16 words it "Document contains more that N tokens".
const TOKEN_LIMIT = /^Syntax Error: Document contains more th\w+ \d+ tokens/;

/** The parser's own message names the limit; it becomes the same answer as the other limits. */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  if (!TOKEN_LIMIT.test(formatted.message)) return null;
  const error = new AppError('QUERY_TOO_COMPLEX');
  return { message: error.message, extensions: { ...error.extensions } };
}

/**
 * A query over a limit gets that one answer only: the other validation messages of the same document
 * would quote its fields, directives and positions back.
 */
export function onlyTheLimitErrorPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, request }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const limit = result.errors?.find((e) => e.extensions?.reason === 'QUERY_TOO_COMPLEX');
          if (!limit) return;
          result.errors = [limit];
          logger.warn({ operation: request.operationName ?? null, bytes: request.query?.length ?? 0 }, 'query refused: over the query limits');
        },
      };
    },
  };
}
