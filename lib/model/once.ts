/**
 * A value built on its first use and kept.
 *
 * The schemas a content script may need are written as `once` builders, next to the constant
 * the other contexts use where they use one as a value (a schema used only for its type gets a
 * type from the builder, `z.infer<ReturnType<typeof actorCardSchema>>`, and no constant):
 *
 * ```ts
 * export const noteSchema = once(() => z.object({ id: idSchema(), … }));
 * export const Note = noteSchema();
 * ```
 *
 * The content script is loaded into every page, and zod builds a schema the moment its
 * definition runs: built at load, the content script's schemas cost the page 10–15 ms of its main
 * thread before the script's own work began (docs/highlighting.md). The content script calls
 * the builders only when a message needs one, and none on the way to the highlights.
 * A builder's dependencies are builders too (`idSchema()`, not `Id`), so building a note's
 * schema does not also build every module's schemas.
 *
 * The schema constants are `/* @__PURE__ *\/` calls, so a bundle that does not use them (the
 * content script's) leaves them out: tests/unit/build/content-schemas.test.ts builds the content
 * script's messaging the way the extension is built and counts the schemas built at load.
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
