import type { StatementInfo } from '../db/panel-queries';
import type { CitationInput } from './citation';

/** The citation of a statement as the panel shows it: its first source with a link, if any. */
export function citationInput(info: StatementInfo): CitationInput {
  const { statement, speaker, sources } = info;
  const source = sources.find((s) => s.href) ?? sources[0];
  return {
    words: statement.words,
    kind: statement.kind,
    speaker: speaker.name,
    role: speaker.role,
    said: statement.said,
    medium: statement.medium,
    source: source && {
      outlet: source.outlet,
      title: source.title,
      published: source.published,
      href: source.href,
    },
  };
}
