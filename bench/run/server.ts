import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A process and its descendants (a server with SERVER_PROCESSES > 1 is a primary and its workers), from /proc (Linux). */
export function processTree(pid: number): number[] {
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return ''; // gone meanwhile
    }
  };
  const tasks = (() => {
    try {
      return fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  const children = tasks.flatMap((task) => read(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number));
  return [pid, ...children.flatMap(processTree)];
}

/** Resident set size of a process and its descendants in bytes, from /proc (Linux). */
export function rssOf(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.existsSync(`/proc/${p}/status`) ? fs.readFileSync(`/proc/${p}/status`, 'utf8') : '');
    return sum + (kb ? Number(kb[1]) * 1024 : 0);
  }, 0);
}

/**
 * CPU time (user + system) a process and its descendants have used, in ms, from /proc (Linux; clock
 * ticks of 10 ms). Per request it is the cost of serving one, whatever the queueing or the machine's
 * other load does to latency.
 */
export function cpuMsOf(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    const stat = fs.existsSync(`/proc/${p}/stat`) ? fs.readFileSync(`/proc/${p}/stat`, 'utf8') : '';
    if (!stat) return sum;
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);
}

/** Samples a process's RSS every 200 ms; `take()` returns the peak since the last take and the current value. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }
  private sample(): number {
    const rss = rssOf(this.pid);
    this.peak = Math.max(this.peak, rss);
    return rss;
  }
  take(): { peak: number; now: number } {
    const current = this.sample();
    const peak = this.peak;
    this.peak = current;
    return { peak, now: current };
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export interface Child {
  url: string;
  process: ChildProcess;
  rss: RssSampler;
  stop(): Promise<void>;
}

/** Starts a Node script as a child on a free port and waits until `readyPath` answers 200; `logFile` keeps its output. */
export async function startChild(script: string, env: Record<string, string>, readyPath: string, nodeArgs: string[] = [], logFile?: string): Promise<Child> {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(process.execPath, [...nodeArgs, path.resolve(script)], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  if (logFile) {
    const file = fs.createWriteStream(logFile);
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
  // Whatever happens to the benchmark, its children go with it (a left-over server would skew the next run).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`${path.basename(script)} exited unexpectedly (${code ?? signal}):\n${log.slice(-50).join('')}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not become ready:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const rss = new RssSampler(child.pid!);
  return {
    url,
    process: child,
    rss,
    stop: async () => {
      stopping = true;
      process.off('exit', killOnExit);
      rss.stop();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // A profiled server writes its profile on the way out: give it time.
      await Promise.race([exited, new Promise((r) => setTimeout(r, nodeArgs.some((a) => a.startsWith('--cpu-prof')) ? 120_000 : 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
