import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs, one object a line, through Powertools' Logger. Lambda's JSON log format wraps
 * whatever the global console writes as a string in its own `message` (the Node.js runtime's
 * LogPatch.js: `{ timestamp, level, requestId, message }`), so a line we stringified ourselves would
 * arrive as text inside text; Powertools writes its own complete JSON line to stdout, which Lambda
 * keeps as it is, and honours the function's log level (AWS_LAMBDA_LOG_LEVEL). Undefined fields are left out.
 * Callers pass only what is safe to keep: never user or device ids, tokens, the request envelope, or
 * anything the user said about their health.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

const logger = new Logger({ serviceName: 'rug-coach' });

export const log = {
  info: (message: string, fields: LogFields = {}) => logger.info(message, fields),
  warn: (message: string, fields: LogFields = {}) => logger.warn(message, fields),
  error: (message: string, fields: LogFields = {}) => logger.error(message, fields),
};

/** The class of an error, safe to log (its message may quote user input). */
export function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name;
  return typeof error;
}
