import { canFilterOn } from '../../access/field-guard';
import { filterBy, SortOrder, type ListSpec } from '../../graphql/list';
import type { FieldReads } from '../../graphql/projection';
import type { Customer } from './customer.entity';
import { blindIndex } from '../../db/field-crypto';
import { normalizeIdNumber } from './id-number';
import { normalizePhone } from './customer.rules';
import type { AppAbility } from '../../access/ability';

const A = 'c';

/** The columns the type's field resolvers read (its *.resolver.ts); a field not named here makes a page load whole rows (graphql/projection.ts). */
const CUSTOMER_FIELD_READS: FieldReads = { branch: ['branchId'], policies: ['id'] };

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export function likePrefix(value: string): string {
  return `${value.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const idNumberHash = (value: string) => blindIndex('idNumber', normalizeIdNumber(value));
const phoneHash = (value: string) => blindIndex('phone', normalizePhone(value));

/**
 * Full-text `q`: a name prefix, or an exact ID number or phone through the blind indexes. Each part
 * is used only when the caller may filter on that field, so `q` is no oracle either.
 */
function searchQ(ability: AppAbility) {
  return (qb: Parameters<ListSpec<Customer>['filters'][string]['apply']>[0], value: unknown, p: string) => {
    const text = String(value).trim();
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (canFilterOn(ability, 'Customer', 'name')) {
      parts.push(`${A}.name LIKE :${p}_name`);
      params[`${p}_name`] = likePrefix(text);
    }
    if (canFilterOn(ability, 'Customer', 'idNumber')) {
      parts.push(`${A}.idNumberHash = :${p}_id`);
      params[`${p}_id`] = idNumberHash(text);
    }
    if (canFilterOn(ability, 'Customer', 'phone') && /^[\d\s+-]{7,20}$/.test(text)) {
      parts.push(`${A}.phoneHash = :${p}_phone`);
      params[`${p}_phone`] = phoneHash(text);
    }
    qb.andWhere(parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params);
  };
}

export function customerListSpecFor(ability: AppAbility): ListSpec<Customer> {
  return {
    subject: 'Customer',
    fieldReads: CUSTOMER_FIELD_READS,
    alias: A,
    sortable: { id: `${A}.id`, name: `${A}.name`, createdAt: `${A}.createdAt`, updatedAt: `${A}.updatedAt`, branchId: `${A}.branchId`, kind: `${A}.kind`, status: `${A}.status` },
    defaultSort: { field: 'id', order: SortOrder.DESC },
    filters: {
      q: { apply: searchQ(ability) },
      ids: filterBy.ids(A),
      name: { field: 'name', apply: (qb, value, p) => void qb.andWhere(`${A}.name LIKE :${p}`, { [p]: likePrefix(String(value)) }) },
      kind: filterBy.equals(A, 'kind'),
      branchId: filterBy.equals(A, 'branchId'),
      idType: filterBy.equals(A, 'idType'),
      status: filterBy.equals(A, 'status'),
      source: filterBy.equals(A, 'source'),
      idNumber: { field: 'idNumber', apply: (qb, value, p) => void qb.andWhere(`${A}.idNumberHash = :${p}`, { [p]: idNumberHash(String(value)) }) },
      phone: { field: 'phone', apply: (qb, value, p) => void qb.andWhere(`${A}.phoneHash = :${p}`, { [p]: phoneHash(String(value)) }) },
      createdAt_gte: filterBy.range(A, 'createdAt', '>='),
      createdAt_lte: filterBy.range(A, 'createdAt', '<='),
    },
  };
}
