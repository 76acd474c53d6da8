import type { Browser, BrowserContext, ConsoleMessage } from 'playwright-core';

/** Something a page did that the Content-Security-Policy refused, or an uncaught page error. */
export interface PageProblem {
  kind: 'csp-violation' | 'csp-console' | 'page-error';
  url: string;
  detail: string;
}

const problems: PageProblem[] = [];
const watched = new WeakSet<BrowserContext>();

/** The problems seen since the last call, and forgets them (`csp-setup.ts` fails a test on any). */
export function takePageProblems(): PageProblem[] {
  return problems.splice(0, problems.length);
}

const BINDING = '__ms5ReportCspViolation';

/**
 * Runs before any script of every document (through the DevTools protocol, so the CSP does not
 * apply to it) and reports each `securitypolicyviolation` event to the test.
 */
function reportViolations(binding: string) {
  const report = (Reflect.get(window, binding) as (detail: string) => Promise<void>).bind(window);
  document.addEventListener('securitypolicyviolation', (event) => {
    void report(
      `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'}` +
        ` at ${event.sourceFile || document.URL}:${event.lineNumber}` +
        (event.sample ? ` sample: ${event.sample}` : ''),
    );
  });
}

/** Records CSP violations (event and console), and page errors, of every page of the context. */
export async function watchContext(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(BINDING, ({ page }, detail: string) => {
    problems.push({ kind: 'csp-violation', url: page.url(), detail });
  });
  await context.addInitScript(reportViolations, BINDING);
  context.on('console', (message: ConsoleMessage) => {
    if (message.text().includes('Content Security Policy')) {
      problems.push({
        kind: 'csp-console',
        url: message.page()?.url() ?? '',
        detail: message.text(),
      });
    }
  });
  context.on('weberror', (webError) => {
    problems.push({
      kind: 'page-error',
      url: webError.page()?.url() ?? '',
      detail: webError.error().message,
    });
  });
}

/** Every context and page the browser opens from now on is watched (`launchChromium` does this). */
export function watchBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchContext(context);
    return context;
  };
  browser.newPage = async (options) => {
    const page = await newPage(options);
    // Playwright opens it in a context of its own, through newContext above; watchContext
    // skips a context it already watches.
    await watchContext(page.context());
    return page;
  };
  return browser;
}
