/** The original system's request fields, pre-filled with a realistic customer (a Basic-plan Android user with a failed payment). */
export const originalExample: Record<string, string | number | boolean> = {
  age: 37,
  region: 'north',
  device_type: 'Android',
  acquisition_channel: 'Organic',
  plan_type: 'Basic',
  monthly_price: 9.99,
  auto_renew: true,
  total_sessions_30d: 4,
  avg_session_minutes_30d: 12.5,
  total_crashes_30d: 2,
  failed_payments_30d: 1,
  total_amount_success_30d: 9.99,
  support_tickets_30d: 3,
  avg_resolution_time_30d: 30,
};
