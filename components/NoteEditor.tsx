import './notes.css';
import { useId, useState } from 'preact/hooks';

export interface NoteEditorProps {
  initialBody?: string;
  initialTags?: string[];
  /** Resolves to an error message to show, or null when saved. */
  onSave: (body: string, tags: string) => Promise<string | null>;
  onCancel: () => void;
  saveLabel?: string;
}

/** A note's text and tags, with Save and Cancel. Ctrl/⌘+Enter saves, Escape cancels. */
export function NoteEditor(props: NoteEditorProps) {
  const id = useId();
  const [body, setBody] = useState(props.initialBody ?? '');
  const [tags, setTags] = useState((props.initialTags ?? []).join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const problem = await props.onSave(body, tags);
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <label for={`${id}-body`}>Note</label>
      <textarea
        id={`${id}-body`}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
        // biome-ignore lint/a11y/noAutofocus: the editor opens on the user's request to write
        autoFocus
      />
      <label for={`${id}-tags`}>Tags (comma-separated)</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="note-editor-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {props.saveLabel ?? 'Save note'}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
