import { strToU8, zipSync } from 'fflate';
import { useState } from 'preact/hooks';
import { backupBlob, type Progress } from '@/lib/backup/backup';
import {
  BackupError,
  restoreBackup,
  type ValidatedBackup,
  validateBackup,
} from '@/lib/backup/restore';
import { getDb } from '@/lib/db';
import type { Note } from '@/lib/model';
import {
  type ExportContext,
  notesToJson,
  notesToMarkdown,
  notesToMarkdownFiles,
} from '@/lib/notes/export';
import { describeImport, importNotesFile } from '@/lib/notes/import';
import { notesToAnnotationCollection } from '@/lib/notes/web-annotation';
import { applyFilter } from '@/lib/review/filter';
import type { ReviewIndex } from '@/lib/review/index-data';
import { download, today } from '../notes/download';
import { filterOf, useParams } from '../notes/route';
import { useReviewIndex } from '../notes/use-review-index';
import './review-notes.css';

function contextOf(index: ReviewIndex): ExportContext {
  const pages = new Map(index.pages.map((p) => [p.page.url, p.page]));
  const subjects = new Map(index.notes.map((n) => [n.note.id, n.subject]));
  return {
    page: (url) => pages.get(url),
    subject: (n) => subjects.get(n.id),
    exportedAt: new Date().toISOString(),
  };
}

function ProgressBar({ label, p }: { label: string; p: Progress | null }) {
  if (!p) return null;
  return (
    <p class="progress">
      <label>
        {label} ({p.step}){' '}
        <progress max={Math.max(1, p.total)} value={p.done}>
          {p.done} of {p.total}
        </progress>
      </label>
    </p>
  );
}

/** Export notes, import annotations, back up and restore the whole database. */
export function ExportView() {
  const index = useReviewIndex();
  const [params] = useParams();
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [backupProgress, setBackupProgress] = useState<Progress | null>(null);
  const [restoreProgress, setRestoreProgress] = useState<Progress | null>(null);
  const [pending, setPending] = useState<{ name: string; backup: ValidatedBackup } | null>(null);
  if (index.status === 'loading') return <p role="status">Loading…</p>;
  if (index.status === 'error') return <p role="alert">Could not read the cache: {index.error}</p>;
  const all = index.value.notes;
  const filter = filterOf(params);
  const filtered = applyFilter(all, filter);
  const chosen: Note[] = (onlyFiltered ? filtered : all).map((i) => i.note);
  const ctx = () => contextOf(index.value);
  const say = (text: string, error = false) => setMessage({ text, error });

  const exports: [string, () => void][] = [
    [
      'Markdown (one file)',
      () =>
        download(
          `backstory-notes-${today()}.md`,
          notesToMarkdown(chosen, ctx()),
          'text/markdown;charset=utf-8',
        ),
    ],
    [
      'Markdown (one file per article, zipped)',
      () => {
        const files = notesToMarkdownFiles(chosen, ctx());
        const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.content)])));
        download(
          `backstory-notes-${today()}.zip`,
          new Blob([zip as BlobPart], { type: 'application/zip' }),
        );
      },
    ],
    [
      'JSON',
      () =>
        download(`backstory-notes-${today()}.json`, notesToJson(chosen, ctx()), 'application/json'),
    ],
    [
      'W3C Web Annotations (JSON-LD)',
      () =>
        download(
          `backstory-notes-${today()}.jsonld`,
          notesToAnnotationCollection(chosen),
          'application/ld+json',
        ),
    ],
  ];

  return (
    <section aria-labelledby="export-h" class="export-view">
      <h1 id="export-h">Export, import and backup</h1>
      {message && (
        <p class={message.error ? 'error' : 'status-ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      <section aria-labelledby="export-notes-h" class="panel-box">
        <h2 id="export-notes-h">Export notes</h2>
        <p>
          {all.length} {all.length === 1 ? 'note' : 'notes'} in all.
        </p>
        {Object.keys(filter).length > 0 && (
          <label class="checkbox">
            <input
              type="checkbox"
              checked={onlyFiltered}
              onChange={(e) => setOnlyFiltered(e.currentTarget.checked)}
            />{' '}
            Only the {filtered.length} notes that match the current search and filters
          </label>
        )}
        <p class="button-row">
          {exports.map(([label, run]) => (
            <button
              key={label}
              type="button"
              class="button"
              disabled={chosen.length === 0}
              onClick={run}
            >
              {label}
            </button>
          ))}
        </p>
      </section>

      <section aria-labelledby="import-h" class="panel-box">
        <h2 id="import-h">Import annotations</h2>
        <label>
          W3C Web Annotation (JSON-LD) or Hypothesis export (JSON){' '}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              try {
                say(describeImport(await importNotesFile(getDb(), await file.text())));
              } catch (error) {
                say(
                  `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
                  true,
                );
              }
            }}
          />
        </label>
      </section>

      <section aria-labelledby="backup-h" class="panel-box">
        <h2 id="backup-h">Backup</h2>
        <p>
          Everything Backstory keeps (knowledge, notes, reading copies, packs and settings) in one
          file.
        </p>
        <p class="button-row">
          <button
            type="button"
            class="button"
            disabled={backupProgress !== null && backupProgress.step !== 'done'}
            onClick={async () => {
              try {
                const blob = await backupBlob(getDb(), setBackupProgress);
                setBackupProgress((p) => (p ? { ...p, step: 'done' } : p));
                download(`backstory-backup-${today()}.json`, blob);
                say('Backup saved.');
              } catch (error) {
                say(
                  `The backup failed: ${error instanceof Error ? error.message : String(error)}`,
                  true,
                );
              }
            }}
          >
            Download a backup
          </button>
        </p>
        <ProgressBar label="Backup" p={backupProgress} />
        <h3>Restore</h3>
        <label>
          Restore from a backup file{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              setPending(null);
              try {
                const backup = validateBackup(getDb(), await file.text(), setRestoreProgress);
                setPending({ name: file.name, backup });
              } catch (error) {
                setRestoreProgress(null);
                say(
                  error instanceof BackupError ? error.message : `Could not read ${file.name}.`,
                  true,
                );
              }
            }}
          />
        </label>
        {pending && (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-h">
            <p id="confirm-h">
              <strong>Replace everything with this backup?</strong> {pending.name}, made{' '}
              {pending.backup.createdAt.slice(0, 10)}: {pending.backup.counts.notes ?? 0} notes,{' '}
              {pending.backup.counts.pages ?? 0} reading copies,{' '}
              {pending.backup.counts.statements ?? 0} statements,{' '}
              {pending.backup.counts.actors ?? 0} actors. What is stored now will be gone.
            </p>
            <p class="button-row">
              <button
                type="button"
                class="button primary"
                onClick={async () => {
                  const { backup } = pending;
                  setPending(null);
                  try {
                    await restoreBackup(getDb(), backup, setRestoreProgress);
                    say('The backup was restored.');
                  } catch (error) {
                    say(
                      `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
                      true,
                    );
                  }
                }}
              >
                Restore
              </button>
              <button type="button" class="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </p>
          </div>
        )}
        <ProgressBar label="Restore" p={restoreProgress} />
      </section>
    </section>
  );
}
