import { formatPartialDate, isHttpUrl } from '@/lib/model';

export interface StatementItemProps {
  words: string;
  kind: 'quote' | 'reported';
  speaker?: string | undefined;
  said?: string | undefined;
  medium?: string | undefined;
  /** Where it was read: outlet (or title) and, when known, a link to the passage. */
  sources: { label: string; href?: string | undefined }[];
  stance?: 'states' | 'supports' | 'denies' | 'qualifies' | undefined;
}

const STANCE_LABEL = {
  states: 'states',
  supports: 'supports',
  denies: 'denies',
  qualifies: 'qualifies',
} as const;

/** One statement: the words, who said them, when, how, and where it was read. */
export function StatementItem(props: StatementItemProps) {
  const { words, kind, speaker, said, medium, sources, stance } = props;
  return (
    <article class="statement" data-kind={kind}>
      {stance && stance !== 'states' && (
        <span class={`stance stance-${stance}`}>{STANCE_LABEL[stance]}</span>
      )}
      <p class="words">{kind === 'quote' ? <q>{words}</q> : <span>{words}</span>}</p>
      <p class="meta">
        {speaker && <span class="speaker">{speaker}</span>}
        <span class="date">{formatPartialDate(said, undefined, 'short')}</span>
        {medium && <span class="medium">{medium}</span>}
        {kind === 'reported' && <span class="kind">reported speech</span>}
      </p>
      {sources.length > 0 && (
        <p class="sources">
          {'Read in '}
          {sources.map((s, i) => (
            <span key={`${s.label}-${i}`}>
              {i > 0 && ', '}
              {s.href && isHttpUrl(s.href) ? (
                <a href={s.href} target="_blank" rel="noopener noreferrer">
                  {s.label}
                </a>
              ) : (
                <cite>{s.label}</cite>
              )}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
