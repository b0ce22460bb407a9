import { gql, type ApolloClient } from '@apollo/client';
import type { IntrospectionResult } from 'ra-data-graphql';
import type { RaRecord } from 'react-admin';
import { findOperation, namedType, printTypeRef } from './introspection';
import { selectionFor } from './selections';

/**
 * The workflow steps the server lists in `availableActions`, each its own mutation. `update` is not
 * here: it is the ordinary edit form (updateComplaint).
 */
export const STEP_MUTATIONS = {
  acknowledge: 'acknowledgeComplaint',
  request_materials: 'requestComplaintMaterials',
  accept: 'acceptComplaint',
  not_accept: 'notAcceptComplaint',
  assign: 'assignComplaint',
  propose_resolution: 'proposeComplaintResolution',
  approve_resolution: 'approveComplaintResolution',
  reject_resolution: 'rejectComplaintResolution',
  communicate_decision: 'communicateComplaintDecision',
  close: 'closeComplaint',
  appeal: 'appealComplaint',
  withdraw: 'withdrawComplaint',
  extend_deadline: 'extendComplaintDeadline',
  mark_major: 'markComplaintMajor',
  report_head_office: 'reportComplaintToHeadOffice',
  report_regulator: 'reportComplaintToRegulator',
} as const;

export type StepAction = keyof typeof STEP_MUTATIONS;

export function isStepAction(action: string): action is StepAction {
  return Object.prototype.hasOwnProperty.call(STEP_MUTATIONS, action);
}

export interface StepParams {
  id: string;
  /** The version the page showed: a step taken on a stale page is refused with CONFLICT. */
  version: number;
  [arg: string]: unknown;
}

/** Form values as the argument's type wants them: radio buttons give "4" for an Int, texts are trimmed. */
function coerce(type: string, value: unknown): unknown {
  if ((type === 'Int' || type === 'SafeInt') && typeof value === 'string') return Number(value);
  return typeof value === 'string' ? value.trim() : value;
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Runs one step. The variables sent are those the mutation declares, typed from the schema, so a
 * step gains an optional argument on the server without a console change; blank optional texts
 * (an empty note) are left out rather than sent as "".
 */
export async function runComplaintStep(client: ApolloClient<unknown>, intro: IntrospectionResult, action: StepAction, params: StepParams): Promise<RaRecord> {
  const operation = findOperation(intro, STEP_MUTATIONS[action]);
  if (!operation) throw new Error(`The API offers no ${STEP_MUTATIONS[action]}`);
  const args = operation.args.filter((arg) => !blank(params[arg.name]));
  const definitions = args.map((arg) => `$${arg.name}: ${printTypeRef(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const mutation = gql(`mutation ${operation.name}(${definitions}) { data: ${operation.name}(${call}) { ${selectionFor(intro, 'Complaint', 'one')} } }`);
  const variables = Object.fromEntries(args.map((arg) => [arg.name, coerce(namedType(arg.type).name, params[arg.name])]));
  const result = await client.mutate<{ data: RaRecord }>({ mutation, variables, fetchPolicy: 'no-cache' });
  if (!result.data) throw new Error('empty response');
  return result.data.data;
}
