import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { PackIssue } from '@/lib/packs/errors';
import {
  type CheckedPack,
  checkPack,
  type ImportProgress,
  type ImportSummary,
  importPack,
} from '@/lib/packs/import';
import { fileSource } from '@/lib/packs/source';
import { Progress } from './Progress';
import { errorText, plural, TABLE_LABELS, throttle, total } from './util';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File; done: number; total: number }
  | { kind: 'preview'; file: File; checked: CheckedPack }
  | { kind: 'writing'; file: File; progress: ImportProgress }
  | {
      kind: 'done';
      name: string;
      version: string;
      summary: ImportSummary;
      resumed: boolean;
      warnings: string[];
    }
  | { kind: 'error'; file: File; error: string; issues: PackIssue[]; unchanged: boolean };

/** Failures found before writing: the database was not touched. */
const BEFORE_WRITING = new Set([
  'not-json',
  'invalid',
  'references',
  'older-version',
  'other-pack',
  'busy',
]);

function Preview({ checked }: { checked: CheckedPack }) {
  const { header, preview } = checked;
  const stale = total(preview.removed);
  return (
    <div class="preview">
      <h3>
        {header.name} <span class="muted">version {header.version}</span>
      </h3>
      {checked.format === 'claimreview' && (
        <p>
          Fact-check markup (schema.org ClaimReview). Each review becomes the claim, who made it,
          and the fact-checker’s rating in its own words; Backstory adds no verdict of its own.
        </p>
      )}
      {header.publisher && <p>Published by {header.publisher}.</p>}
      {header.description && <p class="muted">{header.description}</p>}
      <table class="counts">
        <caption>What importing it changes</caption>
        <thead>
          <tr>
            <th scope="col">Rows</th>
            <th scope="col">New</th>
            <th scope="col">Changed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {TABLE_LABELS.map(([table, label]) => (
            <tr key={table}>
              <th scope="row">{label}</th>
              <td>{preview.added[table].toLocaleString()}</td>
              <td>{preview.changed[table].toLocaleString()}</td>
              <td>{preview.unchanged[table].toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="notes">
        {checked.previous ? (
          <li>
            Replaces version {checked.previous.version} of this pack
            {stale > 0 ? `: ${plural(stale, 'row')} it no longer has will be removed.` : '.'}
          </li>
        ) : (
          <li>A pack you have not loaded before.</li>
        )}
        {preview.merged > 0 && (
          <li>
            {plural(preview.merged, 'actor')} will be joined with actors you already have (same
            Wikidata id, or same name and kind), keeping where each came from.
          </li>
        )}
        {preview.keptUserRows > 0 && (
          <li>{plural(preview.keptUserRows, 'row')} you edited will keep your version.</li>
        )}
        {checked.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

function Summary({ stage }: { stage: Extract<Stage, { kind: 'done' }> }) {
  const s = stage.summary;
  return (
    <div class="done" role="status">
      <p>
        <strong>
          Imported “{stage.name}” version {stage.version}
        </strong>
        {stage.resumed ? ' (finished an import that had stopped)' : ''}:{' '}
        {plural(total(s.added), 'new row')}, {plural(total(s.changed), 'changed row')},{' '}
        {plural(total(s.unchanged), 'unchanged row')}
        {total(s.removed) > 0 ? `, ${plural(total(s.removed), 'row')} removed` : ''}.
      </p>
      {stage.warnings.length > 0 && (
        <ul class="notes">
          {stage.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Import a pack or a ClaimReview file: pick or drop it, see what it changes, then import. */
export function ImportPanel() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const zone = useRef<HTMLDivElement>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = stage.kind === 'checking' || stage.kind === 'writing';

  const check = async (file: File) => {
    abort.current = new AbortController();
    setStage({ kind: 'checking', file, done: 0, total: file.size });
    const show = throttle((p: ImportProgress) =>
      setStage({ kind: 'checking', file, done: p.done, total: p.total }),
    );
    try {
      const result = await checkPack(getDb(), fileSource(file), {
        origin: 'file',
        signal: abort.current.signal,
        onProgress: (p) => show(p),
      });
      if (result.ok) setStage({ kind: 'preview', file, checked: result.checked });
      else if (result.kind === 'aborted') setStage({ kind: 'idle' });
      else {
        setStage({
          kind: 'error',
          file,
          error: result.error,
          issues: result.issues,
          unchanged: true,
        });
      }
    } catch (e) {
      setStage({ kind: 'error', file, error: errorText(e), issues: [], unchanged: true });
    }
  };

  const commit = async (file: File, checked: CheckedPack) => {
    abort.current = new AbortController();
    const first: ImportProgress = { phase: 'writing', done: 0, total: checked.total };
    setStage({ kind: 'writing', file, progress: first });
    const show = throttle((p: ImportProgress) => setStage({ kind: 'writing', file, progress: p }));
    const outcome = await importPack(getDb(), fileSource(file), {
      origin: 'file',
      checked,
      signal: abort.current.signal,
      onProgress: (p) => show(p, p.done === p.total),
    });
    if (outcome.ok) {
      setStage({
        kind: 'done',
        name: outcome.name,
        version: outcome.version,
        summary: outcome.summary,
        resumed: outcome.resumed,
        warnings: outcome.warnings,
      });
    } else {
      setStage({
        kind: 'error',
        file,
        error: outcome.error,
        issues: outcome.issues,
        unchanged: BEFORE_WRITING.has(outcome.kind),
      });
    }
  };

  const onFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !busy) void check(file);
  };
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;

  // Drag and drop on the drop zone (the file picker button is the keyboard way in).
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    };
    const leave = () => setOver(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      onFilesRef.current(e.dataTransfer?.files);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section class="panel" aria-labelledby="import-h">
      <h2 id="import-h">Import a file</h2>
      <div ref={zone} class={`dropzone${over ? ' over' : ''}`}>
        <p>
          Drop a Backstory pack (.json) or a file of fact-check markup (schema.org ClaimReview
          JSON-LD) here, or
        </p>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={input}
          class="visually-hidden"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          aria-label="Pack or ClaimReview file to import"
          tabIndex={-1}
          onChange={(e) => {
            onFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>

      <div aria-live="polite">
        {stage.kind === 'checking' && (
          <div class="working">
            <Progress
              label={`Checking ${stage.file.name}:`}
              done={stage.done}
              total={stage.total}
              unit="bytes"
            />
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </div>
        )}
        {stage.kind === 'writing' && (
          <div class="working">
            <Progress
              label={stage.progress.phase === 'cleaning' ? 'Removing old rows:' : 'Importing:'}
              done={stage.progress.done}
              total={stage.progress.total}
              unit="rows"
            />
            <button type="button" onClick={() => abort.current?.abort()}>
              Stop
            </button>
          </div>
        )}
        {stage.kind === 'done' && <Summary stage={stage} />}
      </div>

      {stage.kind === 'preview' && (
        <div class="confirm">
          <Preview checked={stage.checked} />
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => void commit(stage.file, stage.checked)}
            >
              Import
            </button>
            <button type="button" onClick={() => setStage({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'error' && (
        <div class="error-box" role="alert">
          <p>
            <strong>
              {stage.unchanged
                ? `${stage.file.name} was not imported; nothing was changed.`
                : `The import of ${stage.file.name} did not finish.`}
            </strong>
          </p>
          <pre class="error-text">{stage.error}</pre>
        </div>
      )}
    </section>
  );
}
