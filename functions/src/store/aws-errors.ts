/**
 * Recognising DynamoDB's answers by name rather than by `instanceof`, so that errors built by another copy of the
 * SDK (or injected in tests) are recognised too.
 */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}

/**
 * The indexes of the transaction's actions whose condition failed; empty when the transaction was not cancelled
 * for that reason (a TransactionConflict, a validation error, …), which the caller then rethrows.
 */
export function failedConditionIndexes(error: unknown): number[] {
  if ((error as Error | undefined)?.name !== 'TransactionCanceledException') return [];
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
}
