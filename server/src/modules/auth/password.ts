import crypto from 'node:crypto';
import { AppError } from '../../graphql/errors';

/**
 * OWASP's scrypt settings (Password Storage Cheat Sheet), all with r=8 and rated equivalent: they trade
 * memory per hash (128 MiB at N=2^17 down to 8 MiB at N=2^13) against passes (p). The parallelism a
 * cost needs to stay on this table.
 */
export function owaspParallelism(log2N: number): number {
  return log2N >= 17 ? 1 : ({ 16: 2, 15: 3, 14: 5, 13: 10 } as Record<number, number>)[log2N] ?? Infinity;
}

/**
 * scrypt with N=2^log2N, r=8 and p passes (by default N=2^15, p=3: 32 MiB and ~0.3 s of CPU per hash).
 * A stored hash carries its own N and p, so hashes made under earlier settings still verify.
 * At most `concurrency` hashes run at once and a short queue waits behind them; past that a sign-in
 * is refused as RATE_LIMITED, so a flood of sign-ins cannot exhaust the CPU or memory.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly log2N: number,
    private readonly parallelism: number,
    private readonly concurrency: number,
    private readonly maxQueue = 32,
  ) {}

  async hash(password: string): Promise<string> {
    const salt = crypto.randomBytes(16);
    const key = await this.derive(password, salt, this.log2N, this.parallelism);
    return `scrypt$${this.log2N}$8$${this.parallelism}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, log2N, r, p, salt, key] = stored.split('$');
    const cost = Number(log2N);
    const passes = Number(p);
    if (scheme !== 'scrypt' || r !== '8' || !salt || !key) return false;
    // Stored parameters are bounded, so a tampered row cannot make one sign-in take gigabytes or minutes.
    if (!Number.isInteger(cost) || cost < 10 || cost > 20 || !Number.isInteger(passes) || passes < 1 || passes > 16) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.derive(password, Buffer.from(salt, 'base64'), cost, passes);
    return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
  }

  /** Whether a stored hash was made under this hasher's settings (or should be made again). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`scrypt$${this.log2N}$8$${this.parallelism}$`);
  }

  /** A hash of a random password, for comparing against when the username does not exist, so timing tells nothing. */
  async burn(password: string): Promise<void> {
    await this.derive(password, crypto.randomBytes(16), this.log2N, this.parallelism);
  }

  private async derive(password: string, salt: Buffer, log2N: number, p: number): Promise<Buffer> {
    await this.acquire();
    try {
      const N = 2 ** log2N;
      // The passes run one after another in the same N·r·128-byte block, so memory does not grow with p.
      return await new Promise<Buffer>((resolve, reject) =>
        crypto.scrypt(password.normalize('NFKC'), salt, 32, { N, r: 8, p, maxmem: 256 * N * 8 + 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      );
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new AppError('TOO_MANY_REQUESTS'));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
