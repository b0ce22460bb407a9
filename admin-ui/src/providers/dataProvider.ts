import type { ApolloClient } from '@apollo/client';
import buildGraphQLProvider, { introspectSchema, type GraphqlDataProvider, type IntrospectionOptions } from 'ra-data-graphql';
import type { DataProvider, GetListResult, GetOneResult, RaRecord, UpdateResult } from 'react-admin';
import { GRAPHQL_URL } from '../graphql/request';
import { typeOfResource } from '../resources';
import { buildQueryFactory } from './buildQuery';
import { COMPLAINT_POLICY_ID, getComplaintPolicy, updateComplaintPolicy } from './complaintPolicy';
import { runComplaintStep, type StepAction, type StepParams } from './complaintSteps';
import { exportCsv, reveal, type CsvExport, type ExportParams, type RevealParams } from './customMethods';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications';
import { createPayload, updatePayload } from './payloads';
import { toHttpError } from './toHttpError';

export interface AppDataProvider extends DataProvider {
  reveal(params: RevealParams): Promise<string | null>;
  exportCsv(resource: string, params: ExportParams): Promise<CsvExport>;
  /** One workflow step of a complaint; resolves to the complaint as it is afterwards. */
  complaintStep(action: StepAction, params: StepParams): Promise<RaRecord>;
  markAllNotificationsRead(): Promise<number>;
}

let introspectionFailed = false;

function buildInner(): GraphqlDataProvider {
  introspectionFailed = false;
  return buildGraphQLProvider({
    clientOptions: { uri: GRAPHQL_URL, credentials: 'same-origin', devtools: { enabled: false } },
    buildQuery: buildQueryFactory,
    resolveIntrospection: (client: ApolloClient<unknown>, options: IntrospectionOptions) =>
      introspectSchema(client, options).catch((error: unknown) => {
        introspectionFailed = true;
        throw error;
      }),
    // react-query already caches per screen; Apollo's normalised cache would only keep a second copy.
    query: () => ({ fetchPolicy: 'no-cache' }),
    mutation: () => ({ fetchPolicy: 'no-cache' }),
  } as Parameters<typeof buildGraphQLProvider>[0]);
}

let inner = buildInner();

async function call<T>(run: (provider: GraphqlDataProvider) => Promise<T>): Promise<T> {
  try {
    return await run(inner);
  } catch (error) {
    // ra-data-graphql keeps a failed schema introspection for good; start afresh so the next call retries.
    if (introspectionFailed) inner = buildInner();
    throw toHttpError(error);
  }
}

/**
 * Resources that are not `allX` lists: the caller's own notifications and the one deadline policy.
 * They go through react-admin's hooks like the rest, so screens share their cache and polling.
 */
const NOTIFICATIONS = 'notifications';
const COMPLAINT_POLICY = 'complaintPolicy';

/** ra-data-graphql with our query builder, edit payloads that never echo masks, and mapped errors. */
export const dataProvider: AppDataProvider = {
  getList: <R extends RaRecord>(resource: string, params: Parameters<DataProvider['getList']>[1]) =>
    call((p) => (resource === NOTIFICATIONS ? (listNotifications(p.client, params) as Promise<GetListResult<R>>) : p.getList<R>(resource, params))),
  getOne: <R extends RaRecord>(resource: string, params: Parameters<DataProvider['getOne']>[1]) =>
    call(async (p): Promise<GetOneResult<R>> =>
      resource === COMPLAINT_POLICY ? { data: (await getComplaintPolicy(p.client, await p.getIntrospection())) as R } : p.getOne<R>(resource, params),
    ),
  getMany: (resource, params) => call((p) => p.getMany(resource, params)),
  getManyReference: (resource, params) => call((p) => p.getManyReference(resource, params)),
  create: (resource, params) => call((p) => p.create(resource, { ...params, data: createPayload(params.data) })),
  update: <R extends RaRecord>(resource: string, params: Parameters<DataProvider['update']>[1]) =>
    call(async (p): Promise<UpdateResult<R>> => {
      if (resource === NOTIFICATIONS) return { data: (await markNotificationRead(p.client, String(params.id))) as R };
      if (resource === COMPLAINT_POLICY) {
        return { data: (await updateComplaintPolicy(p.client, await p.getIntrospection(), { ...params.data, id: COMPLAINT_POLICY_ID }, params.previousData)) as R };
      }
      return p.update<R>(resource, { ...params, data: updatePayload(typeOfResource(resource) ?? '', params.data, params.previousData) });
    }),
  delete: (resource, params) => call((p) => p.delete(resource, params)),
  // The API deletes one record at a time (each audited); lists offer no bulk actions.
  deleteMany: async (resource, params) => {
    for (const id of params.ids) await dataProvider.delete(resource, { id });
    return { data: params.ids };
  },
  updateMany: () => Promise.reject(toHttpError(new Error('updateMany is not supported'))),
  reveal: (params) => call((p) => reveal(p.client, params)),
  exportCsv: (resource, params) => call(async (p) => exportCsv(p.client, await p.getIntrospection(), resource, params)),
  complaintStep: (action, params) => call(async (p) => runComplaintStep(p.client, await p.getIntrospection(), action, params)),
  markAllNotificationsRead: () => call((p) => markAllNotificationsRead(p.client)),
};
