/** The recipe version of table models: bump it when the inference or cell-parsing rules of src/training/table change. */

/** No derived features; the inference (infer.ts) and parsing (table-frame.ts) rules, version 1. */
export const TABLE_RECIPE_VERSION = 'table-v1';
