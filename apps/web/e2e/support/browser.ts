import { type Browser, chromium } from 'playwright-core';
import { watchBrowser } from './csp-watch';

/**
 * Debian's Chromium, headless, with nothing phoning home. Every page it opens is watched for CSP
 * violations and page errors (`csp-watch.ts`), which fail the test (`csp-setup.ts`).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return watchBrowser(browser);
}
