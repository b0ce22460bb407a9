import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** The first failed answer, to tell what failed. */
  firstError?: string;
}

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

/**
 * POSTs the body for `seconds` from `connections` clients with autocannon. Latencies are taken per
 * response (autocannon's own summary has no p95); any non-2xx or transport error counts as an error.
 */
export async function drive(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const failed = (body: string) => {
    errors++;
    firstError ??= body.slice(0, 300);
  };
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    headers: spec.headers,
    body: spec.body,
    // A GraphQL error comes back as 200 with `errors`: count it as a failed request too.
    requests: [{ method: 'POST', headers: spec.headers, body: spec.body, onResponse: (status, body) => void ((status !== 200 || body.includes('"errors"')) && failed(body)) }],
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => void latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    throughput: latencies.length / spec.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    firstError,
  };
}
