import { findGuarded } from '../../access/guarded-query';
import { SENSITIVE_FIELDS } from '../../access/sensitive-fields';
import { inTransaction } from '../../db/transaction';
import type { RequestContext } from '../../graphql/context';
import { invalidInput } from '../../graphql/errors';
import { assertCan } from '../../access/write-guard';
import { recordAudit } from '../audit/audit.service';
import { Customer } from '../customers/customer.entity';
import { Complaint } from '../complaints/complaint.entity';

const ENTITIES: Record<string, new () => object> = { Customer, Complaint };

/**
 * The only way a sensitive value leaves the server in clear: the caller must be able to read the
 * record, hold `reveal` on that field of that record, and give a reason; the reveal is audited in
 * the same transaction that reads the value.
 */
export async function reveal(ctx: RequestContext, type: string, id: string, field: string, reason: string): Promise<string | null> {
  const entity = ENTITIES[type];
  const fields = SENSITIVE_FIELDS[type];
  if (!entity || !fields) throw invalidInput({ type: `nothing of type "${type}" can be revealed` });
  if (!fields[field]) throw invalidInput({ field: `"${field}" is not a masked field of ${type}; masked: ${Object.keys(fields).join(', ')}` });
  const trimmed = reason.trim();
  if (trimmed.length < 4) throw invalidInput({ reason: 'say why you need to see this value (at least 4 characters)' });
  return inTransaction(ctx.db, async (em) => {
    const record = await findGuarded(ctx, entity, id, 'read', em);
    assertCan(ctx.ability, 'reveal', record, field);
    await recordAudit(em, ctx, { action: 'reveal', subjectType: type, subjectId: id, changes: { field }, reason: trimmed });
    return ((record as Record<string, unknown>)[field] as string | null) ?? null;
  });
}
