export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; fields?: Record<string, string>; requestId?: string };
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors: GqlError[] | undefined;
  headers: Headers;
}

/** A GraphQL client over real HTTP, signed in with a bearer token, a cookie, or not at all. */
export class GqlClient {
  constructor(
    readonly url: string,
    readonly token: string | null = null,
    readonly cookie: string | null = null,
  ) {}

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** The data, or a thrown error carrying the GraphQL errors, for steps that must succeed. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /** The first error's code, for steps that must fail. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    return (await this.request(query, variables)).errors?.[0]?.extensions?.code;
  }
}
