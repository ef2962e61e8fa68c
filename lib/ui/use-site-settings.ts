import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../messaging/client';
import { type Settings, siteOf } from '../settings/settings';

export interface SiteSettings {
  settings: Settings | null;
  site: string | null;
  error: string | null;
  update: (change: Partial<Settings>) => void;
}

/**
 * The settings (read and changed through the background, which tells open pages to re-check)
 * and, with `followActiveTab`, the site of this window's active tab.
 */
export function useSiteSettings(followActiveTab: boolean): SiteSettings {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void sendToBackground('settings/get', {}).then((reply) => {
      if (!live) return;
      if (reply.ok) setSettings(reply.value);
      else setError(reply.error);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!followActiveTab) return;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url ?? '';
      setSite(/^https?:/.test(url) ? siteOf(url) : null);
    };
    const onUpdated = (_id: number, change: { url?: string }) => {
      if (change.url) void refresh();
    };
    void refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [followActiveTab]);

  const update = useCallback((change: Partial<Settings>) => {
    void sendToBackground('settings/update', change).then((reply) => {
      if (reply.ok) {
        setSettings(reply.value);
        setError(null);
      } else setError(`Could not save the change: ${reply.error}`);
    });
  }, []);

  return { settings, site, error, update };
}
