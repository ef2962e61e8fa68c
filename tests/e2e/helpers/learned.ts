/** Sources learned from pages (the starter pack brings its own). */
export const learnedSources = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.filter((r) => (r.provenance as string[] | undefined)?.some((p) => p.startsWith('page:')));
