import { createInterface } from 'node:readline/promises';
import { openRuntime } from '../bootstrap';
import { inTransaction } from '../db/transaction';
import { recordAudit } from '../modules/audit/audit.service';
import { passwordHasher } from '../modules/auth/hasher';
import { passwordProblem } from '../modules/auth/password-rules';
import { Staff } from '../modules/staff/staff.entity';
import { ensureBuiltInRoles } from '../seed/roles';
import { createStaffWithRoles } from '../seed/staff-accounts';
import { runCli } from './run';

/**
 * `npm run staff:create-admin -- --username it.admin [--name 管理员]`: the first administrator of a
 * server database. The password comes from ADMIN_PASSWORD or is asked for (not echoed to logs).
 */
runCli(async () => {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const username = arg('username') ?? 'admin';
  if (!/^[a-z0-9._-]{3,64}$/i.test(username)) throw new Error('--username must be 3–64 letters, digits, dots, dashes or underscores');
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question(`Password for ${username} (at least 12 characters): `);
    rl.close();
  }
  // The same rules as a password chosen in the console (NIST SP 800-63B: length and the common-password list).
  const problem = passwordProblem(password, { username });
  if (problem) throw new Error(`the password ${problem}`);
  const { db, config } = await openRuntime();
  try {
    if (await db.getRepository(Staff).exists({ where: { username } })) throw new Error(`a staff member named "${username}" already exists`);
    const passwordHash = await passwordHasher(config).hash(password);
    await inTransaction(db, async (em) => {
      const roles = await ensureBuiltInRoles(em);
      const staff = await createStaffWithRoles(em, { username, displayName: arg('name') ?? '系统管理员', branchId: null, passwordHash, roles: [roles.get('admin')!], reason: 'first administrator (staff:create-admin)' });
      await recordAudit(em, { requestId: 'cli', staff: null }, { action: 'staff.create_admin', subjectType: 'Staff', subjectId: staff.id, changes: { username: { from: null, to: username } } });
    });
    process.stdout.write(`Created administrator "${username}".\n`);
  } finally {
    await db.destroy();
  }
});
