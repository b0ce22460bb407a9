import { Metrics } from './metrics';

describe('Metrics', () => {
  it('counts operations by outcome and fills latency buckets cumulatively', () => {
    const metrics = new Metrics();
    metrics.observe('allCustomers', 'ok', 0.02);
    metrics.observe('allCustomers', 'ok', 0.3);
    metrics.observe('allCustomers', 'error', 0.004);
    const text = metrics.render();
    expect(text).toContain('insuredesk_graphql_operations_total{operation="allCustomers",outcome="ok"} 2');
    expect(text).toContain('insuredesk_graphql_operations_total{operation="allCustomers",outcome="error"} 1');
    expect(text).toContain('insuredesk_graphql_duration_seconds_bucket{operation="allCustomers",le="0.005"} 1');
    expect(text).toContain('insuredesk_graphql_duration_seconds_bucket{operation="allCustomers",le="0.025"} 2');
    expect(text).toContain('insuredesk_graphql_duration_seconds_bucket{operation="allCustomers",le="+Inf"} 3');
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });
});
