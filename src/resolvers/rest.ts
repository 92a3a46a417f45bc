/**
 * Root field descriptions: the document's summary, then the REST operation that runs underneath.
 * Root fields are nullable so that one failing upstream call leaves the rest of a response intact.
 */
export function rest(summary: string, operation: string): string {
  return `${summary}\n\nREST: ${operation}`;
}
