import { GqlClient } from '../../support/client';
import { baseUrl, DEMO_PASSWORD } from './env';

/** The API as a staff member, for checks the browser cannot make (the audit log, the stored value). */
export async function apiAs(username: string): Promise<GqlClient> {
  const anonymous = new GqlClient(baseUrl());
  const data = await anonymous.ok<{ login: { token: string } }>(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: DEMO_PASSWORD },
  );
  return new GqlClient(baseUrl(), data.login.token);
}

export async function revealAs(client: GqlClient, customerId: string, field: string): Promise<string | null> {
  const data = await client.ok<{ reveal: string | null }>(
    'mutation ($id: ID!, $field: String!) { reveal(type: "Customer", id: $id, field: $field, reason: "e2e check of the stored value") }',
    { id: customerId, field },
  );
  return data.reveal;
}
