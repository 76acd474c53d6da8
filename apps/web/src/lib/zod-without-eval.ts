import { z } from 'zod';

/**
 * Zod 4 compiles object parsers with `new Function` unless told not to, and probes for it even
 * inside a `try`: under the API's Content-Security-Policy (`script-src 'self'`, no
 * `'unsafe-eval'`) each probe is a reported violation. Interpreted parsing is fast enough for the
 * browser's responses. Imported first by `main.tsx`, before any contract schema is built.
 */
z.config({ jitless: true });
