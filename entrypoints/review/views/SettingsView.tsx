import { SiteControls } from '@/components/SiteControls';
import { useSiteSettings } from '@/lib/ui/use-site-settings';

/** Where Backstory highlights: pause, sites turned off, and the allow list. */
export function SettingsView() {
  const { settings, error, update } = useSiteSettings(false);
  return (
    <section aria-labelledby="settings-h">
      <h1 id="settings-h">Settings</h1>
      <SiteControls
        settings={settings}
        site={null}
        error={error}
        variant="full"
        onChange={update}
      />
    </section>
  );
}
