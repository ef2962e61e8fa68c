import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The reader in Chrome: an offscreen document the background opens and asks (node: no DOM). */
const api = vi.hoisted(() => ({
  open: [] as unknown[],
  createDocument: vi.fn(),
  closeDocument: vi.fn(() => Promise.resolve()),
  sendMessage: vi.fn(),
}));

vi.mock('wxt/browser', () => ({
  browser: {
    offscreen: { createDocument: api.createDocument, closeDocument: api.closeDocument },
    runtime: {
      getURL: (path: string) => `chrome-extension://test${path}`,
      getContexts: () => Promise.resolve([...api.open]),
      sendMessage: api.sendMessage,
    },
  },
}));

const COPY = {
  url: 'https://news.example/a',
  title: 'Havana denies talks',
  text: 'Cuba and the United States are not holding negotiations.',
  detectedBy: 'json-ld',
};

describe("the background's reader (Chrome's offscreen document)", () => {
  beforeEach(() => {
    vi.resetModules();
    api.open = [];
    api.createDocument.mockReset();
    api.createDocument.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 5));
      api.open = [{ documentUrl: 'chrome-extension://test/offscreen.html' }];
    });
    api.sendMessage.mockReset();
    api.sendMessage.mockResolvedValue({ copy: COPY });
  });

  it('opens one document for pages read at once, and sends it the page', async () => {
    const { readCopyInBackground } = await import('@/entrypoints/background/reading-copy');
    const [a, b] = await Promise.all([
      readCopyInBackground('<html>a</html>', COPY.url),
      readCopyInBackground('<html>b</html>', COPY.url),
    ]);
    expect(a).toEqual(COPY);
    expect(b).toEqual(COPY);
    expect(api.createDocument).toHaveBeenCalledOnce();
    expect(api.createDocument.mock.calls[0]?.[0]).toMatchObject({ reasons: ['DOM_PARSER'] });
    expect(api.sendMessage).toHaveBeenCalledWith({
      channel: 'backstory-reader',
      html: '<html>a</html>',
      url: COPY.url,
    });
  });

  it('opens the document again when it was closed under it', async () => {
    const { readCopyInBackground } = await import('@/entrypoints/background/reading-copy');
    await readCopyInBackground('<html>a</html>', COPY.url);
    api.open = [];
    api.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    expect(await readCopyInBackground('<html>a</html>', COPY.url)).toEqual(COPY);
    expect(api.createDocument).toHaveBeenCalledTimes(2);
  });

  it('refuses a reply that is not a reading copy', async () => {
    const { readCopyInBackground } = await import('@/entrypoints/background/reading-copy');
    api.sendMessage.mockResolvedValue({ copy: { ...COPY, url: 'javascript:alert(1)' } });
    await expect(readCopyInBackground('<html></html>', COPY.url)).rejects.toThrow(/no valid reply/);
    api.sendMessage.mockResolvedValue({ copy: null });
    expect(await readCopyInBackground('<html></html>', COPY.url)).toBeNull();
  });

  const RESULT = {
    sourceId: 'src/abc',
    statements: { added: 2, cited: 1 },
    links: 1,
    events: { added: 0, cited: 0 },
    candidates: { added: 1, seen: 0 },
  };
  const db = {} as never;

  it('learns in the reader: it sends the stored copy and gives back what was learned', async () => {
    const { learnInBackground } = await import('@/entrypoints/background/reading-copy');
    api.sendMessage.mockResolvedValue({ result: RESULT });
    expect(await learnInBackground(db, 'page/1', COPY as never)).toEqual(RESULT);
    expect(api.sendMessage).toHaveBeenCalledWith({
      channel: 'backstory-reader',
      learn: { pageId: 'page/1', copy: COPY },
    });
    expect(api.createDocument).toHaveBeenCalledOnce();
  });

  it("refuses the reader's reply when it is not what was learned, and passes on its error", async () => {
    const { learnInBackground } = await import('@/entrypoints/background/reading-copy');
    api.sendMessage.mockResolvedValue({ result: { ...RESULT, links: -1 } });
    await expect(learnInBackground(db, 'page/1', COPY as never)).rejects.toThrow(/no valid reply/);
    api.sendMessage.mockResolvedValue({ result: null, error: 'The storage is full.' });
    await expect(learnInBackground(db, 'page/1', COPY as never)).rejects.toThrow(
      /Learning failed in the reader: The storage is full/,
    );
  });

  it('is not closed for being idle while it is working on a request', async () => {
    vi.useFakeTimers();
    try {
      const { learnInBackground } = await import('@/entrypoints/background/reading-copy');
      api.createDocument.mockImplementation(async () => {
        api.open = [{ documentUrl: 'chrome-extension://test/offscreen.html' }];
      });
      api.sendMessage.mockResolvedValue({ result: RESULT });
      await learnInBackground(db, 'page/1', COPY as never);
      await vi.advanceTimersByTimeAsync(59_000);
      // A long request starts a second before the reader would have been closed.
      let finish: (v: unknown) => void = () => undefined;
      api.sendMessage.mockImplementationOnce(() => new Promise((r) => (finish = r)));
      const long = learnInBackground(db, 'page/2', COPY as never);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(api.closeDocument).not.toHaveBeenCalled();
      finish({ result: RESULT });
      await long;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(api.closeDocument).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
