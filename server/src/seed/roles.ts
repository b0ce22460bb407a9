import type { EntityManager } from 'typeorm';
import { now } from '../clock';
import { Role } from '../modules/staff/role.entity';
import { BUILT_IN_ROLES } from './built-in-roles';

/**
 * Creates the built-in roles that are missing, and brings the rules of a built-in role nobody has
 * edited (still at version 1) up to this release's defaults, so an upgrade gives untouched roles
 * their new rules. A role an administrator has edited is never overwritten.
 */
export async function ensureBuiltInRoles(em: EntityManager): Promise<Map<string, Role>> {
  const repo = em.getRepository(Role);
  const existing = new Map((await repo.find()).map((role) => [role.name, role]));
  for (const role of BUILT_IN_ROLES) {
    const found = existing.get(role.name);
    if (found) {
      if (found.builtIn && found.version === 1 && JSON.stringify(found.rules) !== JSON.stringify(role.rules)) {
        await repo.update({ id: found.id }, { rules: role.rules as never, updatedAt: now() });
        found.rules = role.rules;
      }
      continue;
    }
    const at = now();
    const saved = await repo.save(
      repo.create({
        name: role.name,
        label: role.label,
        description: role.description,
        rules: role.rules,
        builtIn: true,
        highRisk: role.highRisk ?? false,
        requiresMfa: role.requiresMfa ?? false,
        version: 1,
        createdAt: at,
        updatedAt: at,
      }),
    );
    existing.set(role.name, saved);
  }
  return existing;
}
