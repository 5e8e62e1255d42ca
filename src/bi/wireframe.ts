/** bi/dashboard_wireframe.md: an executive churn dashboard laid out on the export's columns. */
export function dashboardWireframe(): string {
  return `# Executive churn dashboard — wireframe

Built on \`bi/tableau_ready_dataset.csv\` (columns and types: docs/bi.md). One page, five rows.

\`\`\`
+------------------+------------------+---------------------------+------------------+
| Active customers | Predicted churn  | Revenue at risk / month   | Mean CLV         |
| COUNT(customer_  | AVG(churn_       | SUM(revenue_at_risk)      | AVG(clv)         |
| key)             | probability)     | (x12 = annualised)        |                  |
+------------------+------------------+---------------------------+------------------+
| Risk buckets: bar of COUNT(customer_key) and SUM(monthly_revenue) by risk_bucket      |
+---------------------------------------------------------------------------------------+
| Churn by segment: bar of AVG(churn_probability), SUM(revenue_at_risk) by segment      |
+----------------------------------------------+----------------------------------------+
| Churn by plan: AVG(churn_probability),        | Churn by billing cycle: same measures, |
| SUM(revenue_at_risk) by plan_type             | by billing_cycle                       |
+----------------------------------------------+----------------------------------------+
| Action list: table of customer_key, risk_bucket, churn_probability, clv,              |
| revenue_at_risk, recommended_action, action_channel, top_driver_1, sorted by          |
| revenue_at_risk desc; filters: region, device_type, acquisition_channel, segment      |
+---------------------------------------------------------------------------------------+
\`\`\`

Footer: model_id and snapshot_date of the data (scored_at as "last refresh"). KPI definitions: bi/churn_kpis.md.
`;
}
