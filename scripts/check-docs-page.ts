/**
 * Opens /docs of a running server in real headless Chromium and checks that the API document renders:
 * every route of /v1/openapi.json appears on the page. Saves a screenshot for people to look at.
 * Usage: tsx scripts/check-docs-page.ts [baseUrl] [screenshot.png]
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const shot = process.argv[3] ?? 'docs-page.png';

const document = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { paths: Record<string, object> };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/docs`, { waitUntil: 'networkidle' });
  const text = await page.locator('body').innerText();
  const missing = Object.keys(document.paths).filter((path) => !text.includes(path));
  await page.screenshot({ path: shot, fullPage: false });
  if (errors.length > 0 || missing.length > 0) {
    console.error(`docs page broken: script errors ${JSON.stringify(errors)}, routes missing ${JSON.stringify(missing)}`);
    process.exit(1);
  }
  console.log(`ok /docs renders all ${Object.keys(document.paths).length} routes (screenshot: ${shot})`);
} finally {
  await browser.close();
}
