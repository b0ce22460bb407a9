import { encryptField } from '../../server/src/db/field-crypto';
import { customerIndexes } from '../../server/src/modules/customers/customer.rules';
import { generateGroup, generatePerson, type Rng } from '../../server/src/seed/demo-generator';
import type { Row } from './bulk';
import type { SeededBranch } from './branches';
import { THREE_YEARS_MS } from './time';

export const CUSTOMER_COLUMNS = [
  'id', 'kind', 'name', 'gender', 'birth_date', 'id_type', 'id_number_enc', 'id_number_hash', 'phone_enc', 'phone_hash', 'email_enc', 'address_enc',
  'occupation', 'branch_id', 'source', 'marketing_consent', 'marketing_consent_at', 'sharing_consent', 'sharing_consent_at', 'status', 'version', 'created_at', 'updated_at',
];

/** What the later tables need to know of each customer, by position (customer i has id firstId + i, branch i % branches). */
export interface CustomerIndex {
  firstId: number;
  count: number;
  names: string[];
  isGroup: Uint8Array;
}

/**
 * Customers round-robin over the branches, created over the last three years. Sensitive fields go
 * through the app's own encryptField and blind-index functions, so the server reads them as its own.
 */
/** `seen`: the ID-number blind indexes already stored (unique in the table); grows as rows are made. */
export function* customerRows(rng: Rng, branches: SeededBranch[], index: CustomerIndex, at: Date, seen: Set<string>): Generator<Row> {
  for (let i = 0; i < index.count; ) {
    const branch = branches[i % branches.length];
    const person = rng.chance(0.08) ? generateGroup(rng, branch.demo) : generatePerson(rng, branch.demo);
    const hashes = customerIndexes(person);
    if (seen.has(hashes.idNumberHash)) continue;
    seen.add(hashes.idNumberHash);
    const created = new Date(at.getTime() - Math.floor(rng.next() * THREE_YEARS_MS));
    const marketing = rng.chance(0.35);
    const sharing = rng.chance(0.2);
    index.names[i] = person.name;
    index.isGroup[i] = person.kind === 'group' ? 1 : 0;
    yield [
      index.firstId + i, person.kind, person.name, person.gender, person.birthDate, person.idType,
      encryptField(person.idNumber), hashes.idNumberHash, encryptField(person.phone), hashes.phoneHash, encryptField(person.email), encryptField(person.address),
      person.occupation, branch.id, person.source, marketing, marketing ? created : null, sharing, sharing ? created : null, 'active', 1, created, created,
    ];
    i++;
  }
}

/** A random customer of the branch at position `branchIndex`; `group` narrows to groups or individuals when it can. */
export function customerOfBranch(rng: Rng, index: CustomerIndex, branchCount: number, branchIndex: number, group: boolean): number {
  const perBranch = Math.floor((index.count - 1 - branchIndex) / branchCount) + 1;
  for (let attempt = 0; attempt < 50; attempt++) {
    const i = branchIndex + branchCount * Math.floor(rng.next() * perBranch);
    if ((index.isGroup[i] === 1) === group) return i;
  }
  return branchIndex + branchCount * Math.floor(rng.next() * perBranch);
}
