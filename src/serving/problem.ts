/** RFC 9457 problem+json: every error a client sees, with its catalogue code, the field and rule broken, never a stack. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ChurnErrorCode, errorCatalogue, isChurnError } from '../errors/index.js';

/** One broken rule of a request: the field (dot path), the rule, a message, and the batch row when there is one. */
export interface ProblemField {
  field: string;
  rule: string;
  message: string;
  row?: number;
}

/** The problem+json body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ChurnErrorCode;
  errors?: ProblemField[];
}

/** The problem type URI of a code (documented in docs/api.md under the code's name). */
export const problemType = (code: ChurnErrorCode) => `urn:churnlab:problem:${code}`;

const titles: Partial<Record<ChurnErrorCode, string>> = {
  CHURN_ERR_BAD_REQUEST: 'Bad request',
  CHURN_ERR_VALIDATION: 'Invalid request',
  CHURN_ERR_AUTH: 'Unauthorized',
  CHURN_ERR_FORBIDDEN: 'Forbidden',
  CHURN_ERR_NOT_FOUND: 'Not found',
  CHURN_ERR_METHOD: 'Method not allowed',
  CHURN_ERR_PAYLOAD_TOO_LARGE: 'Payload too large',
  CHURN_ERR_MEDIA_TYPE: 'Unsupported media type',
  CHURN_ERR_RATE_LIMIT: 'Too many requests',
  CHURN_ERR_NO_MODEL: 'No model',
  CHURN_ERR_INTERNAL: 'Internal error',
};

/** Builds a problem body for `code`. */
export function problemOf(code: ChurnErrorCode, detail: string, instance: string, errors?: ProblemField[]): Problem {
  const status = errorCatalogue[code].status;
  const p: Problem = { type: problemType(code), title: titles[code] ?? code, status, detail, instance, code };
  if (errors && errors.length > 0) p.errors = errors;
  return p;
}

/** Sends a problem (status from the catalogue). */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

const byStatus: Record<number, ChurnErrorCode> = {
  400: 'CHURN_ERR_BAD_REQUEST',
  401: 'CHURN_ERR_AUTH',
  403: 'CHURN_ERR_FORBIDDEN',
  404: 'CHURN_ERR_NOT_FOUND',
  405: 'CHURN_ERR_METHOD',
  406: 'CHURN_ERR_MEDIA_TYPE',
  413: 'CHURN_ERR_PAYLOAD_TOO_LARGE',
  415: 'CHURN_ERR_MEDIA_TYPE',
  422: 'CHURN_ERR_VALIDATION',
  429: 'CHURN_ERR_RATE_LIMIT',
};

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A schema error → field + rule; `/records/3/age` becomes row 3, field `age` (batch bodies). */
export function fieldOfSchemaError(e: AjvLikeError, context: string | undefined): ProblemField {
  const parts = e.instancePath.split('/').filter((s) => s !== '');
  const extra = e.params.additionalProperty ?? e.params.missingProperty;
  if (typeof extra === 'string') parts.push(extra);
  let row: number | undefined;
  if ((parts[0] === 'records' || parts[0] === 'customers') && /^\d+$/.test(parts[1] ?? '')) {
    row = Number(parts[1]);
    parts.splice(0, 2);
  } else if (context === 'body' && /^\d+$/.test(parts[0] ?? '')) {
    row = Number(parts.shift());
  }
  const field = (context && context !== 'body' ? `${context}.` : '') + (parts.join('.') || '(body)');
  const rule = e.keyword === 'additionalProperties' ? 'unknown field' : e.keyword;
  const message = e.keyword === 'additionalProperties' ? 'is not a field of this request' : (e.message ?? e.keyword);
  return row === undefined ? { field, rule, message } : { field, rule, message, row };
}

/** The problem for any error a handler or Fastify raised; unknown errors become CHURN_ERR_INTERNAL (logged, not shown). */
export function problemOfError(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url;
  if (isChurnError(error)) {
    const ctx = error.context;
    const fields = Array.isArray(ctx.errors) ? (ctx.errors as ProblemField[]) : undefined;
    const one =
      typeof ctx.field === 'string'
        ? [{ field: ctx.field, rule: String(ctx.rule ?? 'invalid'), message: error.message, ...rowOf(ctx.record ?? ctx.row) }]
        : undefined;
    const code =
      errorCatalogue[error.code].status >= 500 && error.code !== 'CHURN_ERR_NO_MODEL' && error.code !== 'CHURN_ERR_STORE'
        ? 'CHURN_ERR_INTERNAL'
        : error.code;
    const detail = code === 'CHURN_ERR_INTERNAL' ? 'An internal error occurred; it has been logged.' : error.message;
    return problemOf(code, detail, instance, fields ?? one);
  }
  const fe = error as FastifyError & { validation?: AjvLikeError[]; validationContext?: string };
  if (Array.isArray(fe.validation) && fe.validation.length > 0) {
    const fields = [fieldOfSchemaError(fe.validation[0], fe.validationContext)]; // the first broken rule (allErrors is off)
    const f = fields[0];
    const detail = `${f.row === undefined ? '' : `row ${f.row}: `}${f.field}: ${f.message}`;
    return problemOf('CHURN_ERR_VALIDATION', detail, instance, fields);
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  const code = byStatus[status];
  if (code === undefined || status >= 500)
    return problemOf('CHURN_ERR_INTERNAL', 'An internal error occurred; it has been logged.', instance);
  return problemOf(code, safeMessage(fe), instance);
}

function rowOf(v: unknown): { row?: number } {
  return typeof v === 'number' ? { row: v } : {};
}

/** Fastify's own client-error messages are safe to show; a body parse error says so without echoing internals. */
function safeMessage(e: FastifyError): string {
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) return 'The body is not valid JSON';
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The body is empty but the content type says JSON';
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Unsupported content type for this route';
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The request body is larger than the configured limit';
  return (e.message ?? 'Bad request').slice(0, 300);
}
