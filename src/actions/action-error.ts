/** Bad input to an action-plan operation (an unknown person or plan, a move the plan's state does not allow), naming the field. */
export class ActionError extends Error {
  override readonly name = 'ActionError';

  constructor(
    /** The input at fault: "person", "plan", "state". */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
