// The canary: every sensitive value in the database is replaced by a unique marker, each marker knows
// which roles may see it in clear, and whatever a role received (data, errors, logs) is searched for the
// markers it may not see. A hidden part of a masked value counts: if the stars of `110***********123X`
// are ever filled in, the middle shows up and is caught.
import { createLogger, type Logger } from '../../../server/src/logger';
import { Branch } from '../../../server/src/modules/branches/branch.entity';
import { Complaint } from '../../../server/src/modules/complaints/complaint.entity';
import { complainantPhoneHash } from '../../../server/src/modules/complaints/complaint.rules';
import { Customer } from '../../../server/src/modules/customers/customer.entity';
import { customerIndexes } from '../../../server/src/modules/customers/customer.rules';
import { Staff } from '../../../server/src/modules/staff/staff.entity';
import type { TestServer } from '../../support/test-server';
import { ROLES, type RoleName } from '../../api/access-helpers';

export interface Marker {
  /** What is searched for: the clear value, or the part a mask hides. */
  needle: string;
  /** Where it lives, for a readable failure. */
  where: string;
  /** Roles that may receive it in clear (sensitive values: none, they are masked for everyone). */
  allowed: ReadonlySet<RoleName>;
}

/** A deterministic source of digits, so a failure can be replayed. */
function digits(seed: { n: number }, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
    out += String(Math.floor(seed.n / 65536) % 10);
  }
  return out;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID with a correct check digit and a birth date, so validation on the way never stops the sweep. */
function residentId(area: string, seed: { n: number }): string {
  const year = 1950 + (Number(digits(seed, 2)) % 50);
  const month = String(1 + (Number(digits(seed, 2)) % 12)).padStart(2, '0');
  const day = String(1 + (Number(digits(seed, 2)) % 28)).padStart(2, '0');
  const body = `${area}${year}${month}${day}${digits(seed, 3)}`;
  const sum = body.split('').reduce((s, ch, i) => s + Number(ch) * WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Roles that read the rows of a branch (the demo: agent and manager in BJ, agent2 in SH; compliance everywhere). */
function branchReaders(code: string): RoleName[] {
  return [...(code === 'BJ' ? (['agent', 'manager'] as const) : []), ...(code === 'SH' ? (['agent2'] as const) : []), 'compliance'];
}

const NOBODY: ReadonlySet<RoleName> = new Set();

/**
 * Replaces every customer's ID number, mobile, e-mail, address and occupation, and every complaint's
 * contact details, summary and details, with unique markers (through the entities, so the encryption and
 * blind indexes stay right). Returns the markers with the roles allowed to see each.
 */
export async function seedCanaries(server: TestServer): Promise<Marker[]> {
  const seed = { n: 424242 };
  const markers: Marker[] = [];
  const branches = new Map((await server.db.getRepository(Branch).find()).map((b) => [b.id, b.code]));
  const roleOfStaff = new Map((await server.db.getRepository(Staff).find()).map((s) => [s.id, s.username as RoleName]));
  const customers = server.db.getRepository(Customer);
  for (const c of await customers.find({ order: { id: 'ASC' } })) {
    const tag = `C${c.id}`;
    c.idNumber = residentId(String(110101 + (c.id % 7)), seed);
    c.phone = `13${digits(seed, 9)}`;
    c.email = `k${tag.toLowerCase()}x${digits(seed, 6)}@canary.example`;
    c.address = `北京市朝阳区金盏乡${tag}号院${digits(seed, 6)}`;
    c.occupation = `职业${tag}O${digits(seed, 5)}`;
    Object.assign(c, customerIndexes(c));
    await customers.save(c);
    const readers = new Set(branchReaders(branches.get(c.branchId)!));
    markers.push(
      { needle: c.idNumber, where: `customer ${c.id} idNumber`, allowed: NOBODY },
      { needle: c.idNumber.slice(3, -4), where: `customer ${c.id} idNumber (masked part)`, allowed: NOBODY },
      { needle: c.phone, where: `customer ${c.id} phone`, allowed: NOBODY },
      { needle: c.email.slice(1, c.email.indexOf('@')), where: `customer ${c.id} email (masked part)`, allowed: NOBODY },
      { needle: c.address.slice(6), where: `customer ${c.id} address (masked part)`, allowed: NOBODY },
      // Not sensitive, but outside the inspector's and the administrator's fields.
      { needle: c.occupation, where: `customer ${c.id} occupation`, allowed: readers },
    );
  }
  const complaints = server.db.getRepository(Complaint);
  for (const c of await complaints.find({ order: { id: 'ASC' } })) {
    const tag = `K${c.id}`;
    c.complainantPhone = `15${digits(seed, 9)}`;
    c.complainantPhoneHash = complainantPhoneHash(c.complainantPhone);
    c.complainantEmail = `m${tag.toLowerCase()}y${digits(seed, 6)}@canary.example`;
    c.complainantAddress = `上海市浦东新区${tag}弄${digits(seed, 6)}`;
    c.summary = `摘要${tag}S${digits(seed, 5)}`;
    c.details = `详情${tag}D${digits(seed, 5)}`;
    await complaints.save(c);
    const assignee = c.assigneeId ? roleOfStaff.get(c.assigneeId) : undefined;
    const readers = new Set<RoleName>([...branchReaders(branches.get(c.branchId)!), 'inspector', ...(assignee && assignee !== 'admin' ? [assignee] : [])]);
    markers.push(
      { needle: c.complainantPhone, where: `complaint ${c.id} complainantPhone`, allowed: NOBODY },
      { needle: c.complainantEmail.slice(1, c.complainantEmail.indexOf('@')), where: `complaint ${c.id} complainantEmail (masked part)`, allowed: NOBODY },
      { needle: c.complainantAddress.slice(6), where: `complaint ${c.id} complainantAddress (masked part)`, allowed: NOBODY },
      { needle: c.summary, where: `complaint ${c.id} summary`, allowed: readers },
      { needle: c.details, where: `complaint ${c.id} details`, allowed: readers },
    );
  }
  return markers;
}

/** The markers found in `text` that `role` may not see, worded for the failure message. */
export function leaksIn(text: string, role: RoleName | 'anonymous', markers: Marker[]): string[] {
  return markers.filter((m) => !(role !== 'anonymous' && m.allowed.has(role)) && text.includes(m.needle)).map((m) => `${m.where} reached ${role}`);
}

/** The server's log lines, and a logger writing there; also what reached stdout and stderr while capturing. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger = createLogger('debug', (line) => void this.lines.push(line));
  private restore: Array<() => void> = [];

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.lines.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      this.restore.push(() => void (stream.write = original));
    }
  }

  stop(): void {
    for (const undo of this.restore.splice(0)) undo();
  }

  text(): string {
    return this.lines.join('');
  }
}

export { ROLES };
