// Telling staff: urgent, crisis, escalated, SLA-breach and channel-stopped events, by webhook
// and e-mail (rules/notifications.yml, NOTIFY_WEBHOOK_URL), each once, with retries.
export { createNotifier, MAX_ATTEMPTS, type NotifyDeps, type NotifyResult } from './deliver';
export { webhookBody, emailMessage, type NotifyFacts } from './payload';
export { sign, SIGNATURE_HEADER, DELIVERY_HEADER, closeTransports } from './send';
export { holdUntil } from './quiet';
export { channelsFor } from './recipients';
