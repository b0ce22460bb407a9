import { gql } from '@apollo/client';
import type { IntrospectionField } from 'graphql';
import type { BuildQuery, BuildQueryResult, IntrospectionResult } from 'ra-data-graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import { typeOfResource } from '../resources';
import { countLimitFor } from './countLimit';
import { toFilterInput } from './filters';
import { namedType, printTypeRef } from './introspection';
import { selectionFor } from './selections';

type Vars = Record<string, unknown>;
type ApolloResponse = { data: Record<string, unknown> };

const LIST_ARGS = ['page', 'perPage', 'sortField', 'sortOrder', 'filter'];

function argsOf(operation: IntrospectionField, names: string[]): { definitions: string; call: string } {
  const args = operation.args.filter((arg) => names.includes(arg.name));
  return {
    definitions: args.map((arg) => `$${arg.name}: ${printTypeRef(arg.type)}`).join(', '),
    call: args.map((arg) => `${arg.name}: $${arg.name}`).join(', '),
  };
}

function filterTypeOf(operation: IntrospectionField): string | undefined {
  const arg = operation.args.find((a) => a.name === 'filter');
  return arg ? namedType(arg.type).name : undefined;
}

interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Record<string, unknown>;
}

function listQuery(intro: IntrospectionResult, typeName: string, operation: IntrospectionField, params: ListParams, filter: Record<string, unknown> | undefined): BuildQueryResult {
  const { definitions, call } = argsOf(operation, LIST_ARGS);
  const selection = selectionFor(intro, typeName, 'list');
  const query = gql`query ${operation.name}(${definitions ? `${definitions}, ` : ''}$countLimit: Int!) {
    items: ${operation.name}(${call}) { ${selection} }
    total: _${operation.name}Meta(${call}) { countUpTo(limit: $countLimit) { count more } }
  }`;
  const page = params.pagination ?? { page: 1, perPage: 25 };
  const variables: Vars = {
    // react-admin counts pages from 1, the API (like ra-data-graphql-simple) from 0.
    page: page.page - 1,
    perPage: page.perPage,
    sortField: params.sort?.field || undefined,
    sortOrder: params.sort?.order === 'DESC' ? 'DESC' : params.sort?.order ? 'ASC' : undefined,
    filter: toFilterInput(intro, filterTypeOf(operation), filter),
    countLimit: countLimitFor(page.page, page.perPage),
  };
  return {
    query,
    variables,
    parseResponse: ({ data }: ApolloResponse) => {
      const { count, more } = (data.total as { countUpTo: { count: number; more: boolean } }).countUpTo;
      // Past the limit the total is unknown: react-admin then pages with next/previous only.
      return more
        ? { data: data.items as unknown[], pageInfo: { hasNextPage: true, hasPreviousPage: page.page > 1 }, meta: { totalAtLeast: count } }
        : { data: data.items as unknown[], total: count };
    },
  };
}

/** Variables for a create or update: only arguments the mutation declares, never undefined. */
function mutationVariables(operation: IntrospectionField, data: Vars): Vars {
  const variables: Vars = {};
  for (const arg of operation.args) {
    if (data[arg.name] !== undefined) variables[arg.name] = data[arg.name];
  }
  return variables;
}

function mutationQuery(intro: IntrospectionResult, typeName: string, operation: IntrospectionField, variables: Vars): BuildQueryResult {
  const { definitions, call } = argsOf(operation, Object.keys(variables));
  const query = gql`mutation ${operation.name}${definitions ? `(${definitions})` : ''} {
    data: ${operation.name}${call ? `(${call})` : ''} { ${selectionFor(intro, typeName, 'one')} }
  }`;
  return { query, variables, parseResponse: ({ data }: ApolloResponse) => ({ data: data.data }) };
}

/**
 * ra-data-graphql-simple's conventions (allX, _allXMeta, X, createX, updateX, deleteX), built from
 * the introspected schema, with our own field selections. Resources are named for the URL
 * ("customers") and mapped to their GraphQL type ("Customer").
 */
export function buildQueryFactory(intro: IntrospectionResult): BuildQuery {
  return (fetchType: string, resource: string, params: Vars): BuildQueryResult => {
    const typeName = typeOfResource(resource);
    const introspected = intro.resources.find((r) => r.type.name === typeName) as Record<string, IntrospectionField> | undefined;
    const operation = introspected?.[fetchType];
    if (!typeName || !operation) throw new Error(`The API offers no ${fetchType} for ${resource}`);

    switch (fetchType) {
      case GET_LIST:
        return listQuery(intro, typeName, operation, params as ListParams, (params as ListParams).filter);
      case GET_MANY: {
        const ids = (params.ids as unknown[]).map(String);
        return listQuery(intro, typeName, operation, { pagination: { page: 1, perPage: Math.max(ids.length, 1) } }, { ids });
      }
      case GET_MANY_REFERENCE: {
        const p = params as unknown as ListParams & { target: string; id: unknown };
        return listQuery(intro, typeName, operation, p, { ...p.filter, [p.target]: p.id });
      }
      case GET_ONE: {
        const query = gql`query ${operation.name}($id: ID!) { data: ${operation.name}(id: $id) { ${selectionFor(intro, typeName, 'one')} } }`;
        return { query, variables: { id: String(params.id) }, parseResponse: ({ data }: ApolloResponse) => ({ data: data.data }) };
      }
      case CREATE:
        return mutationQuery(intro, typeName, operation, mutationVariables(operation, params.data as Vars));
      case UPDATE:
        return mutationQuery(intro, typeName, operation, mutationVariables(operation, params.data as Vars));
      case DELETE: {
        const query = gql`mutation ${operation.name}($id: ID!) { data: ${operation.name}(id: $id) { id } }`;
        return {
          query,
          variables: { id: String(params.id) },
          parseResponse: ({ data }: ApolloResponse) => ({ data: { ...(params.previousData as Vars), ...(data.data as Vars) } }),
        };
      }
      default:
        throw new Error(`${fetchType} is not supported for ${resource}`);
    }
  };
}
