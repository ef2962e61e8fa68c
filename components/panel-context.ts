import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StatementInfo } from '@/lib/db/panel-queries';

/**
 * What the views can ask of the panel around them: navigation, copying, and focus. The side
 * panel provides it (entrypoints/sidepanel/App.tsx); the components stay free of browser APIs.
 */
export interface PanelActions {
  openActor(id: string): void;
  openClaim(id: string): void;
  /** The timeline of events involving every one of `actorIds` (none: the full timeline). */
  openHistory(actorIds: string[]): void;
  search(query: string): void;
  copyCitation(info: StatementInfo, format: 'text' | 'markdown'): Promise<boolean>;
  /** True once after a navigation: the view's heading then takes the focus. */
  takeFocus(): boolean;
}

export const PanelActionsContext = createContext<PanelActions | null>(null);

export function usePanelActions(): PanelActions {
  const actions = useContext(PanelActionsContext);
  if (!actions) throw new Error('Panel views need a PanelActionsContext provider');
  return actions;
}
