import crypto from 'node:crypto';
import { AppError } from '../../graphql/errors';

/**
 * scrypt at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB and a few hundred ms per hash).
 * At most `concurrency` hashes run at once and a short queue waits behind them; past that a sign-in
 * is refused as RATE_LIMITED, so a flood of sign-ins cannot exhaust the CPU or memory.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly log2N: number,
    private readonly concurrency: number,
    private readonly maxQueue = 32,
  ) {}

  async hash(password: string): Promise<string> {
    const salt = crypto.randomBytes(16);
    const key = await this.derive(password, salt, this.log2N);
    return `scrypt$${this.log2N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, log2N, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || r !== '8' || p !== '1' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.derive(password, Buffer.from(salt, 'base64'), Number(log2N));
    return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
  }

  /** A hash of a random password, for comparing against when the username does not exist, so timing tells nothing. */
  async burn(password: string): Promise<void> {
    await this.derive(password, crypto.randomBytes(16), this.log2N);
  }

  private async derive(password: string, salt: Buffer, log2N: number): Promise<Buffer> {
    await this.acquire();
    try {
      const N = 2 ** log2N;
      return await new Promise<Buffer>((resolve, reject) =>
        crypto.scrypt(password.normalize('NFKC'), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 }, (err, key) =>
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
