import highlightCss from './style.css?inline';

/**
 * ::highlight() rules apply only within their own tree: text inside an open shadow root needs
 * them in that root. They are adopted as a constructed stylesheet (no element is added) and
 * taken back out when the content script is invalidated.
 */
export class ShadowStyles {
  private sheet: CSSStyleSheet | null = null;
  private readonly roots = new Set<ShadowRoot>();

  adopt(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(highlightCss);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.roots.add(root);
    } catch (error) {
      // A strict page CSP or an old browser: that root's highlights stay unstyled.
      console.warn('[Backstory] Could not style a shadow root:', error);
    }
  }

  removeAll(): void {
    for (const root of this.roots) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.roots.clear();
  }
}
