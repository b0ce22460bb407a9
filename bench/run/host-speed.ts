import crypto from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface HostSpeed {
  /** A fixed single-threaded workload (JSON of a page of rows, hashing, string work), ms: the fastest of three. */
  cpuMs: number;
  /** 2,000 one-byte round trips over loopback TCP one after another, ms: what each SQL statement and response pays the kernel. */
  loopbackMs: number;
}

function cpuWork(): number {
  const rows = Array.from({ length: 25 }, (_, i) => ({ id: String(i), name: `王${i}`, phone: '138****0000', policies: [{ number: `P${i}`, premiumFen: i * 100 }] }));
  const block = crypto.randomBytes(64 * 1024);
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += JSON.parse(JSON.stringify({ data: { rows, i } })).data.i;
  for (let i = 0; i < 1_000; i++) sink += crypto.createHash('sha256').update(block).digest()[0];
  for (let i = 0; i < 20_000; i++) sink += `select ${i} from complaint where branch_id = ?`.replace(/\?/g, String(i)).length;
  if (sink < 0) throw new Error('unreachable');
  return performance.now() - started;
}

async function loopbackRoundTrips(count: number): Promise<number> {
  const server = net.createServer((socket) => socket.on('data', (d) => socket.write(d)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise((resolve) => socket.once('connect', resolve));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const echoed = new Promise((resolve) => socket.once('data', resolve));
    socket.write('x');
    await echoed;
  }
  const elapsed = performance.now() - started;
  socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  return elapsed;
}

/**
 * The machine's speed at the moment of a run, the same work every time. The host of this project
 * changes between sessions and slows down under its neighbours (in CPU, and in the kernel's socket
 * work, which the server pays per SQL statement); with these figures beside each run, two runs'
 * latencies can be told apart from two hosts' speeds.
 */
export async function hostSpeed(): Promise<HostSpeed> {
  const cpuMs = Math.min(cpuWork(), cpuWork(), cpuWork());
  const loopbackMs = Math.min(await loopbackRoundTrips(2_000), await loopbackRoundTrips(2_000));
  return { cpuMs: Math.round(cpuMs), loopbackMs: Math.round(loopbackMs) };
}
