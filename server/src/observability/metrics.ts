import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A few Prometheus metrics, in the text exposition format, without a client library: GraphQL
 * operations by name and outcome, their latency, and the process's memory.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class Metrics {
  private readonly operations = new Map<string, number>();
  private readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();

  observe(operation: string, outcome: 'ok' | 'error', seconds: number): void {
    const key = `operation="${operation}",outcome="${outcome}"`;
    this.operations.set(key, (this.operations.get(key) ?? 0) + 1);
    const series = this.latency.get(operation) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i] += 1;
    });
    series.sum += seconds;
    series.count += 1;
    this.latency.set(operation, series);
  }

  render(): string {
    const lines = ['# HELP insuredesk_graphql_operations_total GraphQL operations by name and outcome', '# TYPE insuredesk_graphql_operations_total counter'];
    for (const [labels, value] of this.operations) lines.push(`insuredesk_graphql_operations_total{${labels}} ${value}`);
    lines.push('# HELP insuredesk_graphql_duration_seconds GraphQL operation latency', '# TYPE insuredesk_graphql_duration_seconds histogram');
    for (const [operation, s] of this.latency) {
      BUCKETS.forEach((bound, i) => lines.push(`insuredesk_graphql_duration_seconds_bucket{operation="${operation}",le="${bound}"} ${s.buckets[i]}`));
      lines.push(`insuredesk_graphql_duration_seconds_bucket{operation="${operation}",le="+Inf"} ${s.count}`);
      lines.push(`insuredesk_graphql_duration_seconds_sum{operation="${operation}"} ${s.sum.toFixed(6)}`);
      lines.push(`insuredesk_graphql_duration_seconds_count{operation="${operation}"} ${s.count}`);
    }
    const memory = process.memoryUsage();
    lines.push('# HELP process_resident_memory_bytes Resident memory', '# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${memory.rss}`);
    lines.push('# HELP nodejs_heap_used_bytes V8 heap in use', '# TYPE nodejs_heap_used_bytes gauge', `nodejs_heap_used_bytes ${memory.heapUsed}`);
    return `${lines.join('\n')}\n`;
  }
}

/** Operation names are limited to the schema's root fields, so a client cannot blow up the label set. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation }) {
          const field = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
          const name = field && field.kind === 'Field' ? field.name.value : 'unknown';
          const failed = response.body.kind === 'single' && !!response.body.singleResult.errors?.length;
          metrics.observe(name, failed ? 'error' : 'ok', Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
