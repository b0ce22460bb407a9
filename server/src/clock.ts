// Every "now" in the server comes from here, so expiry rules (session idle and absolute timeouts,
// sign-in lockouts) can be tested by moving time instead of waiting for it.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Test hook: moves the server's clock forward (or back, with a negative value). */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
