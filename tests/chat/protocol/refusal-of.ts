import { CallbackRefusal, type CallbackRefusalReason } from '../../../functions/src/chat/protocol/callback-refusal.js';

/** The reason `act` was refused for, or a failure naming what happened instead. */
export function refusalOf(act: () => unknown): CallbackRefusalReason {
  try {
    act();
  } catch (error) {
    if (error instanceof CallbackRefusal) return error.reason;
    throw error;
  }
  throw new Error('expected a CallbackRefusal, but nothing was refused');
}
