/** A one-line progress bar on stderr (plain lines when stderr is not a terminal), with the rate. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {
    this.draw(true);
  }

  tick(count: number): void {
    this.done += count;
    this.draw(this.done >= this.total);
  }

  private draw(force: boolean): void {
    const at = Date.now();
    if (!force && at - this.lastDraw < (process.stderr.isTTY ? 100 : 5000)) return;
    this.lastDraw = at;
    const seconds = Math.max((at - this.started) / 1000, 0.001);
    const share = this.total ? Math.min(this.done / this.total, 1) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const line = `${this.label.padEnd(12)} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')}  ${Math.round(this.done / seconds).toLocaleString('en')}/s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${share >= 1 ? '\n' : ''}`);
    else if (share >= 1 || force || this.done) process.stderr.write(`${line}\n`);
  }

  /** Rows per second over the whole run. */
  rate(): number {
    return this.done / Math.max((Date.now() - this.started) / 1000, 0.001);
  }
}
