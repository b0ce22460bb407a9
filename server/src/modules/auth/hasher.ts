import type { Config } from '../../config';
import { PasswordHasher } from './password';

let shared: { key: string; hasher: PasswordHasher } | null = null;

/** One hasher per process, so its bound on concurrent hashes holds across all requests. */
export function passwordHasher(config: Pick<Config, 'passwordHashCost' | 'passwordHashParallelism' | 'passwordHashConcurrency'>): PasswordHasher {
  const key = `${config.passwordHashCost}/${config.passwordHashParallelism}/${config.passwordHashConcurrency}`;
  if (!shared || shared.key !== key) {
    shared = { key, hasher: new PasswordHasher(config.passwordHashCost, config.passwordHashParallelism, config.passwordHashConcurrency) };
  }
  return shared.hasher;
}
