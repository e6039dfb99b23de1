/** The structured logger this folder writes to (api/logger.ts's createLogger fits it); fields carry ids only. */
export interface EventsLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
