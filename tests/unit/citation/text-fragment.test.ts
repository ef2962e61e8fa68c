import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from '@/lib/citation/text-fragment';

describe('textFragmentUrl', () => {
  it('encodes the passage and the characters the fragment syntax reserves', () => {
    expect(
      textFragmentUrl('https://news.example/a#top', {
        type: 'TextQuoteSelector',
        exact: 'Cuba-US talks, again & again',
      }),
    ).toBe('https://news.example/a#:~:text=Cuba%2DUS%20talks%2C%20again%20%26%20again');
  });

  it('adds prefix and suffix context', () => {
    const url = textFragmentUrl('https://news.example/a', {
      type: 'TextQuoteSelector',
      exact: 'no discussions underway',
      prefix: 'he wrote that there are',
      suffix: 'with the U.S. government',
    });
    expect(url).toBe(
      'https://news.example/a#:~:text=that%20there%20are-,no%20discussions%20underway,-with%20the%20U.S.',
    );
  });

  it('shortens long passages to a start and an end', () => {
    const exact = `${'word '.repeat(100)}end of it`;
    const url = textFragmentUrl('https://news.example/a', { type: 'TextQuoteSelector', exact });
    expect(url).toBe(
      'https://news.example/a#:~:text=word%20word%20word%20word%20word,word%20word%20end%20of%20it',
    );
    expect(url.length).toBeLessThan(200);
  });
});
