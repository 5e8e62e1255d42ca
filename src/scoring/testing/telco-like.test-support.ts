/** A small Telco-style churn export for table-model tests: Yes/No flags, a 0/1 flag, categories, blanks, a label. */
import { rng } from '../../ml/index.js';

/** Column names of the generated table (the label is `Churn`, the id `customerID`). */
export const telcoLikeHeader = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'tenure',
  'Contract',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
  'Churn',
] as const;

/**
 * `rows` customers as CSV text (seeded). Churn rises with month-to-month contracts, electronic checks and high charges,
 * and falls with tenure, so a model has something to learn; new customers (tenure 0) have a blank TotalCharges, as in
 * the real export.
 */
export function telcoLikeCsv(rows: number, seed = 11): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const lines = [telcoLikeHeader.join(',')];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.floor(r() * 72);
    const contract = pick(['Month-to-month', 'Month-to-month', 'One year', 'Two year']);
    const payment = pick(['Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)']);
    const monthly = Math.round((20 + r() * 90) * 100) / 100;
    const z =
      -1.2 +
      (contract === 'Month-to-month' ? 1.4 : -0.8) +
      (payment === 'Electronic check' ? 0.6 : 0) +
      0.012 * (monthly - 60) -
      0.035 * tenure;
    const churn = r() < 1 / (1 + Math.exp(-z)) ? 'Yes' : 'No';
    lines.push(
      [
        `${String(1000 + i).padStart(4, '0')}-${pick(['ABCDE', 'FGHIJ', 'KLMNO'])}`,
        pick(['Female', 'Male']),
        r() < 0.16 ? '1' : '0',
        r() < 0.5 ? 'Yes' : 'No',
        String(tenure),
        contract,
        `"${payment}"`,
        monthly.toFixed(2),
        tenure === 0 ? ' ' : (monthly * tenure).toFixed(2),
        churn,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
