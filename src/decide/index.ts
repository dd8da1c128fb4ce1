export { decide, type DecideContext, type DecideResult, type ReplyKind, type ReplyRoute } from './decide';
export { matchExtraUrgentTerm } from './urgent-terms';
