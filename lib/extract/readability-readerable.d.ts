/** Types for the reader-view test imported on its own (the package types only its index). */
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: {
      minContentLength?: number;
      minScore?: number;
      visibilityChecker?: (node: Node) => boolean;
    },
  ): boolean;
}
