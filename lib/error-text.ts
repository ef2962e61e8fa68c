/** The message of a thrown value, for a reply or a line of the UI. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
