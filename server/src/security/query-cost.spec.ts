import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { operationCost, UNPAGED_LIST_SIZE } from './query-cost';

const schema = buildSchema(`
  type Query { allCustomers(perPage: Int = 25): [Customer!]! customer(id: ID!): Customer myJobs(limit: Int! = 10): [Job!]! unbounded(perPage: Int): [Job!]! }
  type Job { id: ID! }
  type Customer { id: ID! name: String policies: [Policy!]! }
  type Policy { id: ID! holder: Customer }
`);

const MAX_PAGE_SIZE = 1000;

function cost(query: string, variables?: Record<string, unknown>, stopAbove?: number): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return operationCost(schema, document, operation, variables, { stopAbove, largestPage: MAX_PAGE_SIZE });
}

describe('operationCost', () => {
  it('counts each field once per row it can appear in', () => {
    // allCustomers 1, then 25 rows × (id, name).
    expect(cost('{ allCustomers { id name } }')).toBe(1 + 25 * 2);
    expect(cost('{ customer(id: 1) { id name } }')).toBe(1 + 2);
  });

  it('takes the page size from a literal or a variable', () => {
    expect(cost('{ allCustomers(perPage: 100) { id } }')).toBe(1 + 100);
    expect(cost('query ($n: Int) { allCustomers(perPage: $n) { id } }', { n: 1000 })).toBe(1 + 1000);
    expect(cost('query ($n: Int) { allCustomers(perPage: $n) { id } }', {})).toBe(1 + 25);
  });

  it("counts the operation's own default for a variable the request leaves out, as execution will", () => {
    expect(cost('query ($n: Int = 1000) { allCustomers(perPage: $n) { id } }', {})).toBe(1 + 1000);
    expect(cost('query ($n: Int = 1000) { allCustomers(perPage: $n) { id } }', { n: 5 })).toBe(1 + 5);
  });

  it('reads other page arguments, and takes the largest page when a list is asked without a size', () => {
    expect(cost('{ myJobs { id } }')).toBe(1 + 10);
    expect(cost('{ myJobs(limit: 3) { id } }')).toBe(1 + 3);
    expect(cost('{ unbounded { id } }')).toBe(1 + MAX_PAGE_SIZE);
    expect(cost('{ unbounded(perPage: null) { id } }')).toBe(1 + MAX_PAGE_SIZE);
  });

  it('multiplies nested lists, through fragments and inline fragments alike', () => {
    const n = UNPAGED_LIST_SIZE;
    // 1 + 5 × (policies 1 + n × (id 1 + holder 1 + 1 × (policies 1 + n × id 1)))
    const expected = 1 + 5 * (1 + n * (1 + 1 + (1 + n)));
    expect(cost('{ allCustomers(perPage: 5) { policies { id holder { policies { id } } } } }')).toBe(expected);
    expect(cost('{ allCustomers(perPage: 5) { ...C } } fragment C on Customer { policies { ... on Policy { id holder { policies { id } } } } }')).toBe(expected);
  });

  it('stops counting once past the limit, however often fragments are spread', () => {
    const spreads = Array.from({ length: 8 }, (_, i) => `fragment F${i} on Customer { policies { holder { ...F${i + 1} ...F${i + 1} } } }`).join('\n');
    const query = `{ allCustomers(perPage: 1000) { ...F0 } }\n${spreads}\nfragment F8 on Customer { id }`;
    const counted = cost(query, undefined, 10_000);
    expect(counted).toBeGreaterThan(10_000);
    expect(counted).toBeLessThan(20_000);
  });
});
