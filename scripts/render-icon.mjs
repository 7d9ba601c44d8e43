// Renders media/icon.svg to media/icon.png (128x128, transparent corners) for the VS Code
// Marketplace, which takes no SVG icon. Uses playwright-core with Debian's Chromium
// (CHROMIUM_PATH overrides /usr/bin/chromium).
//   node scripts/render-icon.mjs
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'media', 'icon.svg');
const TARGET = path.join(ROOT, 'media', 'icon.png');
const SIZE = 128;

async function main() {
  const svg = await readFile(SOURCE, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    // The SVG fills the page exactly; no margin, so the PNG is the icon's own 128x128.
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(TARGET, png);
    console.log(`${path.relative(ROOT, TARGET)}: ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
