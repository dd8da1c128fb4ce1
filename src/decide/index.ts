export { decide } from './decide';
export type { DecideContext, DecideResult, ReplyKind, ReplyRoute } from './types';
