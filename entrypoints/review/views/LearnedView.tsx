import '@/components/learning.css';
import { useState } from 'preact/hooks';
import { type ActorRow, type BackstoryDB, getDb, type PageRow, type SourceRow } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { formatPartialDate } from '@/lib/model';
import { useLive } from '@/lib/ui/use-live';

interface Candidate {
  actor: ActorRow;
  statements: number;
  seenIn: string[];
}

interface LearnedData {
  candidates: Candidate[];
  known: { id: string; name: string; kind: string }[];
  pages: (PageRow & { statements: number })[];
}

async function loadLearned(db: BackstoryDB): Promise<LearnedData> {
  const candidateRows = await db.actors.where('status').equals('candidate').limit(500).toArray();
  const sourceIds = [
    ...new Set(
      candidateRows.flatMap((a) =>
        a.provenance.filter((p) => p.startsWith('page:')).map((p) => p.slice(5)),
      ),
    ),
  ];
  const sources = new Map<string, SourceRow>();
  for (const s of await db.sources.bulkGet(sourceIds)) if (s) sources.set(s.id, s);
  const candidates: Candidate[] = [];
  for (const actor of candidateRows.filter((a) => !a.mergedInto)) {
    const statements = await db.statements
      .where('[speakerId+_saidKey]')
      .between([actor.id, ''], [actor.id, '\uffff'])
      .count();
    const seenIn = actor.provenance
      .filter((p) => p.startsWith('page:'))
      .map((p) => {
        const s = sources.get(p.slice(5));
        return s?.outlet ?? s?.title ?? 'a page since forgotten';
      });
    candidates.push({ actor, statements, seenIn });
  }
  candidates.sort((a, b) => a.actor.name.localeCompare(b.actor.name));
  const known = (await db.actors.toArray())
    .filter((a) => !a.status || a.status === 'known')
    .filter((a) => !a.mergedInto)
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const pageRows = await db.pages.orderBy('visitedAt').reverse().limit(200).toArray();
  const pages = [];
  for (const p of pageRows.filter((x) => x.sourceId)) {
    const statements = await db.statements
      .where('_sourceIds')
      .equals(p.sourceId as string)
      .count();
    pages.push({ ...p, statements });
  }
  return { candidates, known, pages };
}

function CandidateItem({
  c,
  known,
  onDone,
}: {
  c: Candidate;
  known: LearnedData['known'];
  onDone: (message: string) => void;
}) {
  const [into, setInto] = useState('');
  const [busy, setBusy] = useState(false);
  const { actor } = c;
  const act = async (
    request: Parameters<typeof sendToBackground<'actors/review'>>[1],
    done: string,
  ) => {
    setBusy(true);
    const reply = await sendToBackground('actors/review', request);
    setBusy(false);
    onDone(reply.ok ? done : `${actor.name}: ${reply.error}`);
  };
  const selectId = `merge-${actor.id}`;
  const forms = [...new Set([actor.name, ...actor.aliases.map((a) => a.text)])];
  return (
    <li>
      <h3>{actor.name}</h3>
      <p class="learned-meta">
        {actor.kind} · written as {forms.join(', ')} · {c.statements}{' '}
        {c.statements === 1 ? 'statement' : 'statements'} · seen in {c.seenIn.join(', ')}
      </p>
      <div class="learned-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act({ id: actor.id, action: 'confirm' }, `${actor.name} is now a known actor.`)
          }
        >
          Confirm
        </button>
        <label for={selectId}>Merge into</label>
        <select
          id={selectId}
          value={into}
          onChange={(e) => setInto(e.currentTarget.value)}
          disabled={busy}
        >
          <option value="">choose an actor…</option>
          {known.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name} ({k.kind})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy || !into}
          onClick={() => {
            const target = known.find((k) => k.id === into);
            void act(
              { id: actor.id, action: 'merge', into },
              `${actor.name} was merged into ${target?.name ?? 'the chosen actor'}.`,
            );
          }}
        >
          Merge
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() =>
            void act(
              { id: actor.id, action: 'reject' },
              `${actor.name} will not be proposed again.`,
            )
          }
        >
          Reject
        </button>
      </div>
    </li>
  );
}

/** Names and pages learned from reading: review new actors, forget pages. */
export function LearnedView() {
  const data = useLive(() => loadLearned(getDb()), []);
  const [message, setMessage] = useState<string | null>(null);
  const [busyPage, setBusyPage] = useState<string | null>(null);
  const forget = async (page: PageRow) => {
    setBusyPage(page.id);
    const reply = await sendToBackground('page/forget', { pageId: page.id });
    setBusyPage(null);
    setMessage(
      reply.ok
        ? `Forgot “${page.title}” and what was learned from it.`
        : `Nothing was forgotten: ${reply.error}`,
    );
  };
  return (
    <section aria-labelledby="learned-h">
      <h1 id="learned-h">Learned from pages</h1>
      <p class="learning-message" role="status">
        {message ?? ''}
      </p>
      {data.status === 'loading' && <p role="status">Loading…</p>}
      {data.status === 'error' && <p role="alert">Could not read the cache: {data.error}</p>}
      {data.status === 'ready' && (
        <>
          <h2>New names to review</h2>
          {data.value.candidates.length === 0 ? (
            <p class="empty">
              No new names are waiting. Names Backstory meets in articles appear here.
            </p>
          ) : (
            <ul class="learned-list">
              {data.value.candidates.map((c) => (
                <CandidateItem
                  key={c.actor.id}
                  c={c}
                  known={data.value.known}
                  onDone={setMessage}
                />
              ))}
            </ul>
          )}
          <h2>Articles learned from</h2>
          {data.value.pages.length === 0 ? (
            <p class="empty">Nothing has been learned from articles yet.</p>
          ) : (
            <ul class="learned-pages">
              {data.value.pages.map((p) => (
                <li key={p.id}>
                  <span>
                    <cite>{p.title}</cite>
                    {p.outlet ? ` · ${p.outlet}` : ''}
                    {p.published ? ` · ${formatPartialDate(p.published)}` : ''} · {p.statements}{' '}
                    {p.statements === 1 ? 'statement' : 'statements'}
                  </span>
                  <button
                    type="button"
                    class="danger"
                    disabled={busyPage === p.id}
                    aria-label={`Forget ${p.title}`}
                    onClick={() => void forget(p)}
                  >
                    Forget
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
