import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  getSettings,
  pagePolicy,
  siteOf,
  updateSettings,
} from '@/lib/settings/settings';
import { freshDb } from './packs/helpers';

describe('settings', () => {
  it('defaults, updates and survives garbage in storage', async () => {
    const db = freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { disabledSites: ['news.example'] });
    expect((await getSettings(db)).disabledSites).toEqual(['news.example']);
    await db.settings.put({ key: 'settings', value: { paused: 'yes' } });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('decides per page', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      disabledSites: ['blocked.example'],
      learningDisabledSites: ['quiet.example'],
    };
    expect(pagePolicy(s, 'https://www.news.example/a')).toEqual({
      highlight: true,
      learn: true,
      reason: 'active',
    });
    expect(pagePolicy(s, 'https://sub.blocked.example/a').reason).toBe('disabled');
    expect(pagePolicy(s, 'https://quiet.example/a')).toEqual({
      highlight: true,
      learn: false,
      reason: 'active',
    });
    expect(pagePolicy({ ...s, paused: true }, 'https://news.example/').reason).toBe('paused');
    expect(
      pagePolicy(
        { ...s, siteMode: 'only', allowedSites: ['news.example'] },
        'https://other.example/',
      ).reason,
    ).toBe('disabled');
    expect(pagePolicy(s, 'file:///etc/passwd').highlight).toBe(false);
    expect(siteOf('https://WWW.Example.com/x')).toBe('example.com');
  });
});
