import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { foldKey } from '@/lib/match/fold';
import { parsePartialDate } from '@/lib/model';
import { type ExportRequest, exportPack } from '@/lib/packs/export';
import { useLive } from '@/lib/ui/use-live';
import { download, errorText, plural, total } from './util';

type Kind = 'everything' | 'pack' | 'actor' | 'claim' | 'timeline';

/** Names matching what was typed, for the actor and claim pickers. */
function useMatches(kind: Kind, typed: string) {
  return useLive(async () => {
    const db = getDb();
    const q = foldKey(typed);
    if (kind === 'actor') {
      const rows = q
        ? await db.actors.where('_aliasKeys').startsWith(q).limit(50).toArray()
        : await db.actors.limit(50).toArray();
      return rows
        .filter((a) => a.status !== 'rejected')
        .map((a) => ({ id: a.id, label: `${a.name} (${a.kind})` }));
    }
    if (kind === 'claim') {
      const rows = await db.claims
        .filter((c) => !q || foldKey(c.gist).includes(q))
        .limit(50)
        .toArray();
      return rows.map((c) => ({ id: c.id, label: c.gist }));
    }
    return [];
  }, [kind, typed]);
}

/** Export everything, one pack, or a selection, as a pack file. */
export function ExportPanel() {
  const [kind, setKind] = useState<Kind>('everything');
  const [packId, setPackId] = useState('');
  const [typed, setTyped] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const packs = useLive(() => getDb().packs.toArray(), []);
  const matches = useMatches(kind, typed);
  const options = matches.status === 'ready' ? matches.value : [];
  const chosen = options.find((o) => o.label === typed);

  const request = (): ExportRequest | string => {
    switch (kind) {
      case 'everything':
        return { kind: 'everything' };
      case 'pack':
        return packId ? { kind: 'pack', packId } : 'Choose a pack.';
      case 'actor':
        return chosen
          ? { kind: 'selection', actorIds: [chosen.id], name: typed }
          : 'Choose an actor from the list.';
      case 'claim':
        return chosen
          ? { kind: 'selection', claimIds: [chosen.id] }
          : 'Choose a claim from the list.';
      case 'timeline': {
        for (const d of [from, to]) {
          if (d && !parsePartialDate(d))
            return `“${d}” is not a date as YYYY, YYYY-MM or YYYY-MM-DD.`;
        }
        return {
          kind: 'selection',
          timeline: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
          name: `Timeline ${from || '…'} to ${to || '…'}`,
        };
      }
    }
  };

  const run = async (e: Event) => {
    e.preventDefault();
    const r = request();
    if (typeof r === 'string') {
      setState({ ok: false, text: r });
      return;
    }
    setState({ ok: true, text: 'Exporting…' });
    try {
      const file = await exportPack(getDb(), r);
      download(file.fileName, file.parts);
      setState({
        ok: true,
        text: `Saved ${file.fileName} (${plural(total(file.counts), 'row')}).`,
      });
    } catch (error) {
      setState({ ok: false, text: errorText(error) });
    }
  };

  const choices: [Kind, string][] = [
    ['everything', 'Everything, with where each row came from'],
    ['pack', 'One pack'],
    ['actor', 'An actor, with their statements and events'],
    ['claim', 'A claim and its statements'],
    ['timeline', 'A timeline'],
  ];

  return (
    <section class="panel" aria-labelledby="export-h">
      <h2 id="export-h">Export</h2>
      <form onSubmit={(e) => void run(e)}>
        <fieldset>
          <legend>What to export</legend>
          {choices.map(([k, label]) => (
            <label key={k} class="choice">
              <input
                type="radio"
                name="export-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setTyped('');
                  setState(null);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {kind === 'pack' && (
          <div class="field">
            <label for="export-pack">Pack</label>
            <select
              id="export-pack"
              value={packId}
              onChange={(e) => setPackId(e.currentTarget.value)}
            >
              <option value="">Choose…</option>
              {(packs.status === 'ready' ? packs.value : []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (version {p.version})
                </option>
              ))}
            </select>
          </div>
        )}
        {(kind === 'actor' || kind === 'claim') && (
          <div class="field">
            <label for="export-pick">{kind === 'actor' ? 'Actor' : 'Claim'}</label>
            <input
              id="export-pick"
              type="text"
              list="export-options"
              autocomplete="off"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
            <datalist id="export-options">
              {options.map((o) => (
                <option key={o.id} value={o.label} />
              ))}
            </datalist>
          </div>
        )}
        {kind === 'timeline' && (
          <div class="field-row">
            <div class="field">
              <label for="export-from">From (YYYY, YYYY-MM or YYYY-MM-DD)</label>
              <input
                id="export-from"
                type="text"
                value={from}
                onInput={(e) => setFrom(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="export-to">To</label>
              <input
                id="export-to"
                type="text"
                value={to}
                onInput={(e) => setTo(e.currentTarget.value)}
              />
            </div>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            Export
          </button>
          {state && (
            <span role={state.ok ? 'status' : 'alert'} class={state.ok ? '' : 'error-text'}>
              {state.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
