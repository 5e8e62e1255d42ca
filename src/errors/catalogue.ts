/** The closed catalogue of churnlab error codes: each code has one meaning, one HTTP status and a doc line. */
export const errorCatalogue = {
  CHURN_ERR_CONFIG: { status: 500, doc: 'A configuration key has a bad value or is unknown.' },
  CHURN_ERR_CSV_COLUMNS: { status: 422, doc: 'A CSV file is missing required columns or has unknown ones.' },
  CHURN_ERR_CSV_FORMAT: { status: 422, doc: 'A CSV file cannot be parsed (wrong delimiter, broken quoting, empty).' },
  CHURN_ERR_CONTRACT: { status: 422, doc: 'A value breaks the data contract (type, range, enum, key).' },
  CHURN_ERR_STORE: { status: 503, doc: 'The store (SQLite or PostgreSQL) could not be reached or refused a statement.' },
  CHURN_ERR_MIGRATION: { status: 500, doc: 'The store schema is older or newer than this version of churnlab expects.' },
  CHURN_ERR_NOT_FOUND: { status: 404, doc: 'The requested customer, model, job or route does not exist.' },
  CHURN_ERR_NO_DATA: {
    status: 409,
    doc: 'The store holds no data for the requested operation (for example no active customers at a cutoff).',
  },
  CHURN_ERR_LEAKAGE: {
    status: 500,
    doc: 'A feature would read data dated after its cutoff, or a split would train on the future.',
  },
  CHURN_ERR_LABEL_IMMATURE: { status: 409, doc: 'Labels were requested for a cutoff whose horizon is not fully observed.' },
  CHURN_ERR_PARAM: { status: 400, doc: 'A hyper-parameter or option has a value outside its allowed range.' },
  CHURN_ERR_SHAPE: { status: 400, doc: 'Input data has the wrong number of features or rows for the model.' },
  CHURN_ERR_NO_MODEL: { status: 503, doc: 'No model has been trained or promoted yet.' },
  CHURN_ERR_ARTIFACT: { status: 500, doc: 'A model artifact is corrupt, incomplete, or of an unsupported format version.' },
  CHURN_ERR_BAD_REQUEST: { status: 400, doc: 'The request cannot be parsed (malformed JSON or multipart, empty body).' },
  CHURN_ERR_VALIDATION: { status: 422, doc: 'A request body or field failed validation.' },
  CHURN_ERR_AUTH: { status: 401, doc: 'The API key is missing or invalid.' },
  CHURN_ERR_FORBIDDEN: { status: 403, doc: 'The API key lacks the scope this operation needs.' },
  CHURN_ERR_RATE_LIMIT: { status: 429, doc: 'Too many requests for this API key; retry after the indicated time.' },
  CHURN_ERR_PAYLOAD_TOO_LARGE: { status: 413, doc: 'The request body or batch is larger than the configured cap.' },
  CHURN_ERR_MEDIA_TYPE: { status: 415, doc: 'The request content type is not supported by this route.' },
  CHURN_ERR_METHOD: { status: 405, doc: 'The HTTP method is not allowed on this route.' },
  CHURN_ERR_RULES: { status: 422, doc: 'A retention rule file is invalid (the message names the rule and the field).' },
  CHURN_ERR_INTERNAL: { status: 500, doc: 'An unexpected internal error; this is a bug, please report it.' },
} as const satisfies Record<string, { status: number; doc: string }>;

/** One code of the catalogue. */
export type ChurnErrorCode = keyof typeof errorCatalogue;
