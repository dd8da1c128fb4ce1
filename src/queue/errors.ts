// A refused queue action. It changed nothing; the message says why in one line, for staff.
export type QueueErrorCode =
  | 'not_found'
  | 'held_by_other'
  | 'already_resolved'
  | 'not_resolved'
  | 'not_claimed'
  | 'invalid'
  | 'conflict';

export class QueueError extends Error {
  override name = 'QueueError';
  constructor(
    readonly code: QueueErrorCode,
    message: string,
  ) {
    super(message);
  }
}
