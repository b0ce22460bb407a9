// fast-check arbitraries for GraphQL input types, walked from the schema: values of the right shape that
// probe the edges (huge numbers, long and odd text, SQL and markup, dates out of range) and, now and then,
// a value of the wrong shape altogether.
import fc from 'fast-check';
import { isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';

const ODD_TEXT = ["' OR 1=1 --", '"; DROP TABLE customer; --', '%_\\', '\u0000', '<script>alert(1)</script>', '110105199003071234', '13812345678', ' ', '𠮷野家', '${staff.id}', '{"$ne":null}'];

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(fc.constantFrom('1', '2', '3', '5', '8', '-1', '0', '1e3', '9007199254740993', ' 1', 'abc'), fc.nat({ max: 200 }).map(String), fc.string({ maxLength: 20 }));
    case 'Int':
      return fc.oneof(fc.integer({ min: -10, max: 120 }), fc.integer(), fc.constantFrom(2147483647, -2147483648, 0));
    case 'SafeInt':
      return fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.maxSafeInteger(), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2026-13-45T00:00:00Z', 'yesterday', '', '0000-00-00T00:00:00Z'),
      );
    case 'JSON':
    case 'JSONObject':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return text();
  }
}

function text(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXT) },
    { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 6000 }) },
  );
}

/** A value of the declared type (null or missing where the type allows it). */
export function rightShape(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return strict(type.ofType as GraphQLInputType, depth);
  return fc.option(strict(type, depth), { nil: null, freq: 4 });
}

function strict(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(rightShape(type.ofType as GraphQLInputType, depth + 1), { maxLength: depth > 1 ? 0 : 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, depth > 2 ? fc.constant(null) : rightShape(f.type, depth + 1)]));
    return fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  }
  return scalar(type.name);
}

/** Mostly the right shape; now and then anything JSON can carry. */
export function anyShape(type: GraphQLInputType): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: rightShape(type) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}
