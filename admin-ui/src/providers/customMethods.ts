import { gql, type ApolloClient } from '@apollo/client';
import type { IntrospectionResult } from 'ra-data-graphql';
import { typeOfResource } from '../resources';
import { toFilterInput } from './filters';
import { currentLocale } from './i18nProvider';
import { findOperation, namedType, printTypeRef } from './introspection';

export interface RevealParams {
  type: string;
  id: string;
  field: string;
  reason: string;
}

const REVEAL = gql`
  mutation Reveal($type: String!, $id: ID!, $field: String!, $reason: String!) {
    reveal(type: $type, id: $id, field: $field, reason: $reason)
  }
`;

/** The clear value of one masked field; the server audits it. Never cached: it lives in one view only. */
export async function reveal(client: ApolloClient<unknown>, params: RevealParams): Promise<string | null> {
  const result = await client.mutate<{ reveal: string | null }>({ mutation: REVEAL, variables: params, fetchPolicy: 'no-cache' });
  return result.data?.reveal ?? null;
}

export interface ExportParams {
  filter: Record<string, unknown>;
  sort?: { field: string; order: string };
}

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
}

const PLURAL: Record<string, string> = { Customer: 'Customers', Policy: 'Policies', AuditEntry: 'AuditEntries', PolicyInquiry: 'PolicyInquiries' };

/**
 * The list as the server exports it (`exportCustomers`, `exportPolicies`): the same row rules,
 * field rules and masking as the screen, audited server-side. The arguments sent are those the
 * mutation declares, so the console works with servers with or without the optional `locale`.
 */
export async function exportCsv(client: ApolloClient<unknown>, intro: IntrospectionResult, resource: string, params: ExportParams): Promise<CsvExport> {
  const type = typeOfResource(resource);
  const operation = type && PLURAL[type] ? findOperation(intro, `export${PLURAL[type]}`) : undefined;
  if (!operation) throw new Error(`export is not available for ${resource}`);
  const filterArg = operation.args.find((arg) => arg.name === 'filter');
  const values: Record<string, unknown> = {
    filter: filterArg ? toFilterInput(intro, namedType(filterArg.type).name, params.filter) : undefined,
    sortField: params.sort?.field,
    sortOrder: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
    locale: currentLocale(),
  };
  const args = operation.args.filter((arg) => values[arg.name] !== undefined);
  const definitions = args.map((arg) => `$${arg.name}: ${printTypeRef(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const mutation = gql(`mutation Export${definitions ? `(${definitions})` : ''} { result: ${operation.name}${call ? `(${call})` : ''} { filename csv rows } }`);
  const variables = Object.fromEntries(args.map((arg) => [arg.name, values[arg.name]]));
  const result = await client.mutate<{ result: CsvExport }>({ mutation, variables, fetchPolicy: 'no-cache' });
  if (!result.data) throw new Error('empty export');
  return result.data.result;
}
