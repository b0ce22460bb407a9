/**
 * Structured JSON log lines on stdout. Callers pass ids and outcomes, never tokens or clear
 * sensitive values.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(data: object, msg: string): void;
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

function serialize(data: object): object {
  const err = (data as { err?: unknown }).err;
  if (err instanceof Error) return { ...data, err: { name: err.name, message: err.message, stack: err.stack } };
  return data;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const at = (name: Exclude<LogLevel, 'silent'>) => (data: object, msg: string) => {
    if (LEVELS[name] < LEVELS[level]) return;
    write(`${JSON.stringify({ level: name, time: new Date().toISOString(), msg, ...serialize(data) })}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
