/** The closed vocabulary of reasons a CSV row is quarantined, each with the sentence the docs and summaries use. */

/** Why a row went to quarantine instead of the store. */
export const quarantineReasons = {
  column_count: 'The row has more or fewer cells than the header.',
  truncated_row: 'The last line of the file is cut off (no line end, cells missing or the file ends inside quotes).',
  malformed_csv: 'The row cannot be parsed as CSV (for example an unclosed quote).',
  missing_value: 'A required column is empty.',
  not_integer: 'A cell that must be a whole number is not one (e.g. "12abc", "3.5").',
  not_number: 'A cell that must be a number is not one.',
  invalid_date: 'A date is not a real calendar day written YYYY-MM-DD.',
  not_in_enum: 'A value is not one of the allowed values of its column.',
  out_of_range: 'A number is below the minimum or above the maximum of its column.',
  invalid_format: 'A text value breaks its length or character rules (e.g. spaces in an id).',
  duplicate_key: 'The primary key already appeared earlier in this load; the first occurrence was kept.',
  foreign_key: 'The referenced customer or subscription is neither in the store nor loaded earlier in this run.',
} as const;

/** One quarantine reason code. */
export type QuarantineReason = keyof typeof quarantineReasons;

/** What is wrong with a rejected row: the first failing column, its reason, and a sentence naming all problems. */
export interface RowProblem {
  column: string;
  reason: QuarantineReason;
  detail: string;
}
