import { writeFileSync } from 'node:fs';
import { launchExtensionBrowser } from './lib/chromium';
import { syntheticPack } from './lib/synthetic-pack';

const text = syntheticPack({ actors: 3000, statements: 30000, events: 1500, sources: 300, claims: 600, links: 6000 });
writeFileSync('/tmp/prof-pack.json', text);
const b = await launchExtensionBrowser();
const page = await b.context.newPage();
await page.goto(b.extensionUrl('review.html#/sources'));
await page.getByRole('heading', { name: 'Sources of knowledge' }).waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
let t = Date.now();
await page.locator('input[type=file]').setInputFiles('/tmp/prof-pack.json');
await page.locator('.preview').waitFor({ timeout: 300000 });
const check = Date.now() - t;
t = Date.now();
await page.getByRole('button', { name: 'Import', exact: true }).click();
await page.locator('.done').waitFor({ timeout: 300000 });
const write = Date.now() - t;
const { profile } = await cdp.send('Profiler.stop');
console.log({ check, write });
const self = new Map<string, number>();
const dt = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0)));
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [k, v] of top) console.log(String(Math.round(v / 1000)).padStart(7), 'ms', k);
await b.close();
