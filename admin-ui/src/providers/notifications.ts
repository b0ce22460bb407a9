import { gql, type ApolloClient } from '@apollo/client';
import type { GetListParams, GetListResult, RaRecord } from 'react-admin';

/**
 * The signed-in staff member's notifications (escalations, assignments) as a react-admin resource
 * named `notifications`, so the bell and the dashboard share one cached, polled list. They are
 * always the caller's own: the API takes no filter but "unread only".
 */
const FIELDS = 'id kind title body complaintId createdAt readAt';

const LIST = gql`
  query MyNotifications($page: Int, $perPage: Int, $unreadOnly: Boolean) {
    items: myNotifications(page: $page, perPage: $perPage, unreadOnly: $unreadOnly) { ${FIELDS} }
    total: _myNotificationsMeta(unreadOnly: $unreadOnly) { count }
    unread: _myNotificationsMeta(unreadOnly: true) { count }
  }
`;

const MARK_READ = gql`
  mutation MarkNotificationRead($id: ID!) { data: markNotificationRead(id: $id) { ${FIELDS} } }
`;

const MARK_ALL_READ = gql`
  mutation MarkAllNotificationsRead { count: markAllNotificationsRead }
`;

export interface NotificationListResult extends GetListResult {
  /** Unread notifications in all, whatever page was asked for: the bell's badge. */
  meta: { unread: number };
}

export async function listNotifications(client: ApolloClient<unknown>, params: GetListParams): Promise<NotificationListResult> {
  const page = params.pagination ?? { page: 1, perPage: 10 };
  const { data } = await client.query<{ items: RaRecord[]; total: { count: number }; unread: { count: number } }>({
    query: LIST,
    variables: { page: page.page - 1, perPage: page.perPage, unreadOnly: params.filter?.unreadOnly === true },
    fetchPolicy: 'no-cache',
  });
  return { data: data.items, total: data.total.count, meta: { unread: data.unread.count } };
}

export async function markNotificationRead(client: ApolloClient<unknown>, id: string): Promise<RaRecord> {
  const result = await client.mutate<{ data: RaRecord }>({ mutation: MARK_READ, variables: { id }, fetchPolicy: 'no-cache' });
  if (!result.data) throw new Error('empty response');
  return result.data.data;
}

export async function markAllNotificationsRead(client: ApolloClient<unknown>): Promise<number> {
  const result = await client.mutate<{ count: number }>({ mutation: MARK_ALL_READ, fetchPolicy: 'no-cache' });
  return result.data?.count ?? 0;
}
