// Opens the published API reference (artifacts/spec/index.html) in headless Debian Chromium through
// playwright-core, with the network closed, and reports as JSON: console errors, page errors,
// requests that tried to leave the file, the tags of the bundled spec not visible on the page, and a
// screenshot. Used by the tests (tests/Sentry.OpenApi.Generator.Tests/PublishedSpec).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [html, spec, screenshot] = process.argv.slice(2);
if (!html || !spec || !screenshot) {
  console.error('usage: node build/check-docs.mjs <index.html> <sentry-api.json> <screenshot.png>');
  process.exit(2);
}
const tags = (JSON.parse(readFileSync(spec, 'utf8')).tags ?? []).map(t => t.name);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { consoleErrors: [], pageErrors: [], externalRequests: [], missingTags: [], tags: tags.length, screenshot };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', m => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', e => result.pageErrors.push(String(e)));
  // The reference must be self-contained: anything not from the file itself is recorded and refused.
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    result.externalRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load', timeout: 60000 });
  await page.waitForSelector('[role=menuitem], .menu-content, h1', { timeout: 60000 });
  for (const tag of tags) {
    const visible = await page.getByText(tag, { exact: true }).first().isVisible().catch(() => false);
    if (!visible) result.missingTags.push(tag);
  }
  await page.screenshot({ path: screenshot, fullPage: false });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
