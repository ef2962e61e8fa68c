import type { FunctionComponent } from 'preact';
import { ArticlesView } from './views/ArticlesView';
import { ExportView } from './views/ExportView';
import { LearnedView } from './views/LearnedView';
import { NotesView } from './views/NotesView';
import { SettingsView } from './views/SettingsView';
import { SourcesView } from './views/SourcesView';
import { StatementsView } from './views/StatementsView';

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
  { id: 'notes', label: 'Notes', view: NotesView },
  { id: 'articles', label: 'Articles', view: ArticlesView },
  { id: 'statements', label: 'Statements', view: StatementsView },
  { id: 'export', label: 'Export and backup', view: ExportView },
  { id: 'sources', label: 'Sources of knowledge', view: SourcesView },
  { id: 'learned', label: 'Learned from pages', view: LearnedView },
  { id: 'settings', label: 'Settings', view: SettingsView },
];
