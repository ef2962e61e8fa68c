import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { usePanelActions } from './panel-context';

export interface EntityHeaderProps {
  /** A short label above the title ("Person", "Claim", "History"). */
  kind: string;
  title: string;
  children?: ComponentChildren;
  /** Buttons about the whole entity (other features add theirs here). */
  actions?: ComponentChildren;
}

/** A view's title block. Its heading takes the focus after a navigation, for keyboard users. */
export function EntityHeader({ kind, title, children, actions }: EntityHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = usePanelActions();
  useLayoutEffect(() => {
    if (panel.takeFocus()) heading.current?.focus();
  }, []);
  return (
    <header class="entity-header">
      <p class="entity-kind">{kind}</p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
      {actions && <div class="entity-actions">{actions}</div>}
    </header>
  );
}
