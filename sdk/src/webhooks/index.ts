/** Receiving Aftercare webhooks: event and payload types, and `verifyWebhook()`. */
export * from './events.js';
export { verifyWebhook, type VerifyWebhookOptions, type VerifyWebhookResult, type WebhookHeaders } from './verify.js';
export { signatureHeader, webhookSignature } from './signature.js';
