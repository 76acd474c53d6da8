import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Lints small pieces of code that break each boundary rule of the workspace's real
 * `eslint.config.js`, placed (virtually) where the rule applies, and asserts that the rule reports
 * them; and the allowed imports beside them, which it must not report. So a rule that silently
 * stops matching (a moved folder, a renamed option) fails here instead of letting imports through.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const BOUNDARY = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    ignore: false,
    // Only the import rules: the type-aware ones need files a TypeScript project knows.
    ruleFilter: ({ ruleId }) => ruleId.startsWith('import-x/'),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
});

/** The rule ids reported for `code` if it were the file at `file` (relative to the root). */
async function reported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result?.messages.filter((message) => message.fatal) ?? [];
  expect(fatal).toEqual([]);
  return (result?.messages ?? []).map((message) => message.ruleId ?? '');
}

/** One real source file of a web feature (so the import resolves), as seen from `features/`. */
function aFileOfFeature(feature: string): string {
  const dir = path.join(root, 'apps/web/src/features', feature);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(path.join(folder, entry.name))
        : /\.tsx?$/.test(entry.name) && !entry.name.includes('.spec.')
          ? [path.join(folder, entry.name)]
          : [],
    );
  const [file] = walk(dir);
  if (!file) throw new Error(`no source file in ${dir}`);
  return path.relative(path.join(root, 'apps/web/src'), file).replace(/\.tsx?$/, '');
}

describe('API layers', () => {
  it('refuses a platform file importing a domain', async () => {
    expect(
      await reported(
        'apps/api/src/platform/common/lint-fixture.ts',
        "import { OeeService } from '../../domains/oee/oee.service.js';\nexport const x = OeeService;\n",
      ),
    ).toContain(BOUNDARY);
  });

  it('refuses a domain or platform file importing dev/', async () => {
    const code = "import { Prng } from '../../dev/simulator/prng.js';\nexport const x = Prng;\n";
    expect(await reported('apps/api/src/domains/andon/lint-fixture.ts', code)).toContain(BOUNDARY);
    expect(await reported('apps/api/src/platform/users/lint-fixture.ts', code)).toContain(BOUNDARY);
  });

  it("lets the composition root reach dev/ only through dev's entry points", async () => {
    expect(
      await reported(
        'apps/api/src/lint-fixture.ts',
        "import { Prng } from './dev/simulator/prng.js';\nexport const x = Prng;\n",
      ),
    ).toContain(BOUNDARY);
    expect(
      await reported(
        'apps/api/src/lint-fixture.ts',
        "import { DevModule } from './dev/dev.module.js';\nexport const x = DevModule;\n",
      ),
    ).not.toContain(BOUNDARY);
  });

  it("refuses a domain importing another domain's repository, allows its service and module", async () => {
    const file = 'apps/api/src/domains/handover/lint-fixture.ts';
    expect(
      await reported(
        file,
        "import { HourByHourRepository } from '../hour-by-hour/hour-by-hour.repository.js';\nexport const x = HourByHourRepository;\n",
      ),
    ).toContain(BOUNDARY);
    expect(
      await reported(
        file,
        "import { HourByHourService } from '../hour-by-hour/hour-by-hour.service.js';\nimport { HourByHourModule } from '../hour-by-hour/hour-by-hour.module.js';\nexport const x = [HourByHourService, HourByHourModule];\n",
      ),
    ).not.toContain(BOUNDARY);
    // Its own files are its own business.
    expect(
      await reported(
        file,
        "import { HandoverRepository } from './handover.repository.js';\nexport const x = HandoverRepository;\n",
      ),
    ).not.toContain(BOUNDARY);
  });
});

describe('web layers', () => {
  it('refuses a feature importing another feature, by path or by alias', async () => {
    const other = aFileOfFeature('oee');
    const file = 'apps/web/src/features/andon/lint-fixture.ts';
    expect(
      await reported(file, `import * as other from '../../${other}';\nexport const x = other;\n`),
    ).toContain(BOUNDARY);
    expect(
      await reported(file, `import * as other from '@/${other}';\nexport const x = other;\n`),
    ).toContain(BOUNDARY);
  });

  it('refuses shared code importing a feature, and lets app/ compose features', async () => {
    const feature = aFileOfFeature('andon');
    const code = `import * as feature from '@/${feature}';\nexport const x = feature;\n`;
    for (const shared of ['components', 'lib', 'hooks']) {
      expect(await reported(`apps/web/src/${shared}/lint-fixture.ts`, code)).toContain(BOUNDARY);
    }
    expect(await reported('apps/web/src/app/lint-fixture.ts', code)).not.toContain(BOUNDARY);
  });
});

describe('import cycles and warnings', () => {
  it('reports an import cycle', async () => {
    const [result] = await eslint.lintFiles([
      path.join(root, 'tools/lint-rules/fixtures/cycle/first.ts'),
    ]);
    expect(result?.messages.map((message) => message.ruleId)).toContain(CYCLE);
  });

  it('fails every project lint on any warning', () => {
    const manifests = [
      'apps/api',
      'apps/web',
      'libs/contracts',
      'libs/oee',
      'migrations',
      'tools/lint-rules',
    ];
    for (const dir of manifests) {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      expect(manifest.scripts?.lint, dir).toMatch(/^eslint .*--max-warnings 0$/);
    }
  });
});
