import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings/settings';
import './site-controls.css';

export interface SiteControlsProps {
  settings: Settings | null;
  /** The site of the tab the panel is looking at (null: not a web page, or unknown). */
  site: string | null;
  error?: string | null;
  /** `compact`: pause and this site only (side panel); `full`: also the site lists (review). */
  variant: 'compact' | 'full';
  onChange: (change: Partial<Settings>) => void;
}

/** A hostname as the site lists store it, from what a user typed ("www.x.org/a" → "x.org"). */
export function siteFromInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
    const site = host.replace(/^www\./, '');
    return /^[a-z0-9][a-z0-9.-]*$/.test(site) && site.length <= 253 ? site : null;
  } catch {
    return null;
  }
}

const without = (list: string[], site: string) => list.filter((s) => s !== site);
const listed = (list: string[], site: string) =>
  list.some((entry) => site === entry || site.endsWith(`.${entry}`));

/** Whether Backstory highlights on `site` under `settings` (pause aside). */
export function siteEnabled(settings: Settings, site: string): boolean {
  if (listed(settings.disabledSites, site)) return false;
  return settings.siteMode === 'everywhere' || listed(settings.allowedSites, site);
}

/**
 * Pause everywhere, switch Backstory off (or on) for the current site, and — in the full
 * variant — choose between "every site except" and "only these sites" and edit both lists.
 */
export function SiteControls({ settings, site, error, variant, onChange }: SiteControlsProps) {
  if (!settings) {
    return (
      <section class="site-controls" aria-label="Backstory controls">
        {error ? (
          <p role="alert">Could not read the settings: {error}</p>
        ) : (
          <p role="status">Loading settings…</p>
        )}
      </section>
    );
  }
  const enabled = site ? siteEnabled(settings, site) : false;
  const setSite = (on: boolean) => {
    if (!site) return;
    if (on) {
      const disabledSites = settings.disabledSites.filter((entry) => !listed([entry], site));
      const allowedSites =
        settings.siteMode === 'only' && !listed(settings.allowedSites, site)
          ? [...settings.allowedSites, site]
          : settings.allowedSites;
      onChange({ disabledSites, allowedSites });
    } else {
      onChange({ disabledSites: [...without(settings.disabledSites, site), site] });
    }
  };
  const status = settings.paused
    ? 'Paused: no highlights on any site.'
    : site && !enabled
      ? `Off on ${site}.`
      : site
        ? `Highlighting on ${site}.`
        : null;
  return (
    <section class={`site-controls ${variant}`} aria-label="Backstory controls">
      {error && <p role="alert">{error}</p>}
      <div class="switches">
        <label>
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => onChange({ paused: e.currentTarget.checked })}
          />{' '}
          Pause everywhere
        </label>
        {site && (
          <label>
            <input
              type="checkbox"
              checked={enabled}
              disabled={settings.paused}
              onChange={(e) => setSite(e.currentTarget.checked)}
            />{' '}
            Highlight on {site}
          </label>
        )}
      </div>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
      {variant === 'full' && <SiteLists settings={settings} onChange={onChange} />}
    </section>
  );
}

function SiteLists({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}) {
  return (
    <div class="site-lists">
      <fieldset>
        <legend>Where Backstory highlights</legend>
        <label>
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'everywhere'}
            onChange={() => onChange({ siteMode: 'everywhere' })}
          />{' '}
          On every site, except the sites turned off below
        </label>
        <label>
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'only'}
            onChange={() => onChange({ siteMode: 'only' })}
          />{' '}
          Only on the allowed sites below
        </label>
      </fieldset>
      <SiteList
        title="Sites turned off"
        empty="No site is turned off."
        sites={settings.disabledSites}
        onChange={(disabledSites) => onChange({ disabledSites })}
      />
      <SiteList
        title="Allowed sites"
        empty={
          settings.siteMode === 'only'
            ? 'No site is allowed yet: Backstory highlights nowhere.'
            : 'Used when Backstory highlights only on allowed sites.'
        }
        sites={settings.allowedSites}
        onChange={(allowedSites) => onChange({ allowedSites })}
      />
    </div>
  );
}

function SiteList({
  title,
  empty,
  sites,
  onChange,
}: {
  title: string;
  empty: string;
  sites: string[];
  onChange: (sites: string[]) => void;
}) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = title.toLowerCase().replace(/\W+/g, '-');
  const add = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site) {
      setProblem(`“${input.trim()}” is not a site name like example.org.`);
      return;
    }
    setProblem(null);
    setInput('');
    if (!sites.includes(site)) onChange([...sites, site]);
  };
  return (
    <section class="site-list" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {sites.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button
                type="button"
                class="link-button"
                aria-label={`Remove ${site} from ${title.toLowerCase()}`}
                onClick={() => onChange(without(sites, site))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label for={`${id}-input`}>Add a site</label>{' '}
        <input
          id={`${id}-input`}
          type="text"
          inputMode="url"
          placeholder="example.org"
          value={input}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />{' '}
        <button type="submit">Add</button>
        {problem && (
          <p id={`${id}-problem`} role="alert" class="problem">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
