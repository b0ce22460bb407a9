import type { DemoResult } from './demo';

export function printDemoLogins(result: DemoResult): void {
  const lines = [
    `Demo data: ${result.customers} customers, ${result.policies} policies.`,
    'Demo logins (username — role, branch):',
    ...result.logins.map((l) => `  ${l.username.padEnd(11)} — ${l.role}, ${l.branch}`),
    result.passwordGenerated
      ? `Password for all demo logins (generated, shown only now): ${result.password}`
      : 'Password for all demo logins: the value of DEMO_PASSWORD',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
