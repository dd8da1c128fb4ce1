export { decide, type DecideContext, type DecideResult, type ReplyKind } from './decide';
export { matchExtraUrgentTerm } from './urgent-terms';
