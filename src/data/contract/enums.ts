/** The closed vocabularies of the raw tables: one list per categorical column, shared by generator, loader and API. */
export const planTypes = ['Basic', 'Standard', 'Premium'] as const;
export const billingCycles = ['monthly', 'annual'] as const;
export const genders = ['Female', 'Male', 'Other'] as const;
export const deviceTypes = ['Android', 'iOS', 'Web', 'SmartTV'] as const;
export const acquisitionChannels = ['Organic', 'Ads', 'Referral', 'Partner', 'Social'] as const;
export const paymentStatuses = ['success', 'failed', 'refunded'] as const;
export const paymentMethods = ['card', 'paypal', 'bank_transfer', 'carrier_billing'] as const;
export const failureReasons = ['card_expired', 'insufficient_funds', 'processing_error', 'provider_outage'] as const;
export const ticketCategories = ['technical', 'billing', 'account', 'content', 'other'] as const;
/** Why a subscription row ended: a churn reason, or `plan_change` when a new row continues it at once. */
export const cancelReasons = [
  'price',
  'low_engagement',
  'service_quality',
  'payment_failed',
  'competitor',
  'other',
  'plan_change',
] as const;
