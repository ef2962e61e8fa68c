/** Styles of the notes UI, applied inside its closed shadow root only. */
export const UI_CSS = `
:host {
  all: initial;
  position: fixed;
  inset: 0 auto auto 0;
  width: 0;
  height: 0;
  z-index: 2147483647;
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1d1b18;
  --muted: #5d5850;
  --line: #cfc8bb;
  --accent: #2456a6;
  --accent-fg: #ffffff;
  --focus: #1a5fd0;
  --error: #a3262a;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :host {
    --bg: #211f25;
    --fg: #ece9e3;
    --muted: #b3ada3;
    --line: #4a4651;
    --accent: #8ab4ff;
    --accent-fg: #10131a;
    --focus: #8ab4ff;
    --error: #ff8f8f;
  }
}
* { box-sizing: border-box; font: inherit; }
.box {
  position: fixed;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
}
.toolbar { padding: 4px; display: flex; gap: 4px; }
.editor, .card { width: min(360px, calc(100vw - 24px)); padding: 12px; }
.notice { right: 16px; bottom: 16px; width: min(380px, calc(100vw - 32px)); padding: 12px; max-height: 50vh; overflow: auto; }
h2 { font-size: 14px; font-weight: 700; margin: 0 0 8px; }
blockquote {
  margin: 0 0 8px;
  padding: 4px 8px;
  border-left: 3px solid var(--accent);
  color: var(--muted);
  font-style: italic;
  max-height: 6.5em;
  overflow: hidden;
}
label { display: block; font-weight: 600; margin: 8px 0 4px; }
textarea, input {
  width: 100%;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: 6px 8px;
}
textarea { min-height: 6em; resize: vertical; }
.row { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; align-items: center; }
.hint { color: var(--muted); font-size: 12px; margin-right: auto; }
button {
  cursor: pointer;
  border: 1px solid var(--line);
  background: var(--bg);
  color: var(--fg);
  border-radius: 6px;
  padding: 4px 10px;
}
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.error { color: var(--error); margin: 8px 0 0; }
.body { white-space: pre-wrap; margin: 0 0 6px; }
.tags { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid var(--line); padding: 8px 0; }
li:first-child { border-top: none; }
.status { color: var(--muted); margin: 0; }
`;
