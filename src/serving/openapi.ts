/** The OpenAPI document's header: title, version, the API-key security scheme and the shared Problem schema. */
import { errorCatalogue } from '../errors/index.js';

/** Names of every catalogue code (the `code` enum of the Problem schema). */
export const problemCodes = Object.keys(errorCatalogue);

/** The `openapi` option of @fastify/swagger. */
export function openApiInfo() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'churnlab API',
      version: '1',
      description: 'Churn predictions, explanations and retention actions. Errors are RFC 9457 problem+json; see docs/api.md.',
    },
    components: {
      securitySchemes: { apiKey: { type: 'apiKey' as const, in: 'header' as const, name: 'x-api-key' } },
      schemas: {
        Problem: {
          type: 'object' as const,
          required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
          properties: {
            type: { type: 'string' as const },
            title: { type: 'string' as const },
            status: { type: 'integer' as const },
            detail: { type: 'string' as const },
            instance: { type: 'string' as const },
            code: { type: 'string' as const, enum: problemCodes },
            errors: {
              type: 'array' as const,
              items: {
                type: 'object' as const,
                required: ['field', 'rule', 'message'],
                properties: {
                  field: { type: 'string' as const },
                  rule: { type: 'string' as const },
                  message: { type: 'string' as const },
                  row: { type: 'integer' as const },
                },
              },
            },
          },
        },
      },
    },
    security: [{ apiKey: [] }],
  };
}
