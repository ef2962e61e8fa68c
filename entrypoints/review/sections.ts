import type { FunctionComponent } from 'preact';
import { LearnedView } from './views/LearnedView';
import { SourcesView } from './views/SourcesView';

/**
 * The review page's sections, in navigation order. Each is a view in ./views; the address is
 * review.html#/<id>, so a section can be linked and reloaded.
 */
export interface Section {
  id: string;
  label: string;
  view: FunctionComponent;
}

export const SECTIONS: Section[] = [
  { id: 'sources', label: 'Sources of knowledge', view: SourcesView },
  { id: 'learned', label: 'Learned from pages', view: LearnedView },
];
