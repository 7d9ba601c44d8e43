// Reading errors the way the CLI reports them: a code such as `EACCES`, or the message.

/** The `code` of a Node system error (`ENOENT`, `EACCES`, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file operation failed, for a note: the code such as `EACCES`, else the message. */
export function errorReason(error: unknown): string {
  return errorCode(error) ?? errorMessage(error);
}

/** The message of an error, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
