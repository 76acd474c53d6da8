import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { type Permission, ROLES, type Role, hasAllPermissions } from '@ms5/contracts';
import type { Response } from 'supertest';
import { REQUIRED_PERMISSIONS } from '../../src/platform/common/auth.decorators.js';
import { type HttpMethod, send } from '../support/api.js';
import {
  type ScopePlant,
  type ScopeUser,
  buildLineScopePlant,
} from '../support/line-scope-plant.js';
import {
  type CallContext,
  LINE_SCOPE_ROUTES,
  type ListCheck,
  type ScopedCall,
  lineIds,
} from '../support/line-scope-requests.js';
import { type TestApp, createTestApp } from '../support/test-app.js';

/**
 * Issue 13, item 3: every read and write is scoped to the user's lines. Generated from the route
 * table (`line-scope-requests.ts`), which must classify every operation of the OpenAPI document
 * the app serves: a new route fails this test until it says how it is scoped. Then a user of
 * every role, limited to line A, calls every operation against line B's objects (no 2xx, and
 * nothing of B changes), the same operations against line A's own objects (2xx where the role
 * holds the permissions: the scope is proven, not a broken request), and every list and
 * aggregate without a line filter (nothing of B; the same figures admin gets for line A alone).
 * The findings are written to LINE_SCOPE_REPORT (/tmp/line-scope-failures.txt by default).
 */

const REPORT_FILE = process.env.LINE_SCOPE_REPORT ?? '/tmp/line-scope-failures.txt';
/** Requests in flight at a time (reads only: writes go one by one, so that a watch is exact). */
const CONCURRENCY = 8;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** The write phase of the simulator's run controls (`line-scope-requests.ts`). */
const SIMULATOR_PHASE = 3;
const NEST_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head', 'search'];

interface DocumentOperation {
  key: string;
  method: HttpMethod;
  path: string;
  tag: string;
  /** The document names a 404 answer: the route says existence may be hidden. */
  documents404: boolean;
}

interface Finding {
  /** `other`: a call against line B; `own`: the control on line A; `list`: a list or aggregate. */
  kind: 'classification' | 'other' | 'own' | 'list';
  tag: string;
  operation: string;
  call: string;
  role: Role | '-';
  outcome: string;
}

/** The permissions each `METHOD /path` requires, from the Nest route metadata. */
function routePermissions(t: TestApp): Map<string, readonly Permission[]> {
  const reflector = t.app.get(Reflector);
  const scanner = new MetadataScanner();
  const found = new Map<string, readonly Permission[]>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const classPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (methodPath === undefined) continue;
        const method = NEST_METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = `/${[classPath, methodPath].filter((part) => part && part !== '/').join('/')}`;
        const prefixed = /^\/(health|metrics)/.test(full) ? full : `/api${full}`;
        const permissions =
          reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, [
            handler,
            wrapper.metatype,
          ]) ?? [];
        found.set(
          `${method?.toUpperCase()} ${prefixed.replace(/:([a-zA-Z]+)/g, '{$1}')}`,
          permissions,
        );
      }
    }
  }
  return found;
}

function documentOperations(document: {
  paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown> }>>;
}): DocumentOperation[] {
  const operations: DocumentOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        tag: operation.tags?.[0] ?? path.split('/')[2] ?? path,
        documents404: Object.keys(operation.responses ?? {}).includes('404'),
      });
    }
  }
  return operations;
}

/** Runs `work` over the items, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}

const brief = (body: unknown): string => {
  const { code, message } = (body ?? {}) as { code?: string; message?: unknown };
  const text = typeof message === 'string' ? message : JSON.stringify(message ?? body ?? '');
  return `${code ? `${code}: ` : ''}${text}`.slice(0, 160);
};

const stable = (value: unknown): string => JSON.stringify(value);

describe('line scope: every route, as users limited to line A', () => {
  let t: TestApp;
  let plant: ScopePlant;
  let operations: DocumentOperation[];
  let permissions: Map<string, readonly Permission[]>;
  const findings: Finding[] = [];
  /** Refusals of line B's objects that were not LINE_NOT_ASSIGNED but are accepted (400/404/409, nothing changed). */
  const accepted: Finding[] = [];
  const stats = {
    requests: 0,
    relogins: 0,
    otherCalls: 0,
    ownCalls: 0,
    listReads: 0,
    /** Line B refused with LINE_NOT_ASSIGNED to a role that holds the permissions. */
    lineRefusals: 0,
    /** Line B refused for want of the permissions (or of being the one who may act). */
    roleRefusals: 0,
  };
  const started = Date.now();
  /** Seconds each part took, for the summary. */
  const timings: Record<string, number> = {};
  /** How long each attempt took (its fixture calls and watches included), for the summary. */
  const slowest: Array<{ ms: number; what: string }> = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const from = Date.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round((Date.now() - from) / 100) / 10;
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Listening, so that the simulator's driver reaches the API over HTTP (as it does in production).
    await t.app.listen(0, '127.0.0.1');
    plant = await timed('plant', () => buildLineScopePlant(t));
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    operations = documentOperations(document);
    permissions = routePermissions(t);
  }, 120_000);

  afterAll(async () => {
    writeReport();
    if (plant) await plant.admin.request('post', '/api/simulator/stop', {});
    await t?.close();
  });

  const operationOf = (key: string) => operations.find((operation) => operation.key === key);
  const tagOf = (key: string) => operationOf(key)?.tag ?? key.split('/')[2] ?? key;

  /** May the role take the call on its own line: it holds the permissions, and is one who may act. */
  function holdsPermissions(role: Role, key: string): boolean {
    const required = permissions.get(key);
    return required !== undefined && hasAllPermissions(role, required);
  }

  function mayAct(role: Role, key: string, call: ScopedCall): boolean {
    return holdsPermissions(role, key) && (call.actors?.includes(role) ?? true);
  }

  /** The request as the user; a session that ended (an access token refused) signs in again. */
  async function asUser(
    user: ScopeUser,
    method: HttpMethod,
    path: string,
    body?: object,
  ): Promise<Response> {
    const payload = body ?? (method === 'get' || method === 'delete' ? undefined : {});
    stats.requests += 1;
    const from = Date.now();
    let response = await send(t, user.tokens, method, path, payload);
    if (process.env.LINE_SCOPE_DEBUG && Date.now() - from > 500) {
      process.stdout.write(`slow ${user.role} ${method} ${path} ${Date.now() - from} ms\n`);
    }
    if (response.status === 401) {
      user.tokens = await t.login(user.username, user.password);
      stats.relogins += 1;
      stats.requests += 1;
      response = await send(t, user.tokens, method, path, payload);
    }
    return response;
  }

  interface Attempt {
    key: string;
    method: HttpMethod;
    call: ScopedCall;
    role: Role;
  }

  /** Every (operation × call × role) of the table, reads first, writes in their phase order. */
  function attempts(filter: (attempt: Attempt) => boolean): {
    reads: Attempt[];
    writes: Attempt[];
  } {
    const all: Attempt[] = [];
    for (const [key, scope] of Object.entries(LINE_SCOPE_ROUTES)) {
      if ('lineFree' in scope || !operationOf(key)) continue;
      const method = key.split(' ')[0]!.toLowerCase() as HttpMethod;
      for (const call of scope.calls ?? []) {
        for (const role of ROLES) {
          const attempt = { key, method, call, role };
          if (filter(attempt)) all.push(attempt);
        }
      }
    }
    // Stable sorts: by phase, and in the simulator's phase role by role (pause, resume, stop:
    // each control leaves the run as the next one needs it).
    const byRole = (attempt: Attempt) =>
      attempt.call.phase === SIMULATOR_PHASE ? ROLES.indexOf(attempt.role) : 0;
    const writes = all
      .filter((attempt) => attempt.method !== 'get')
      .sort((a, b) => (a.call.phase ?? 0) - (b.call.phase ?? 0) || byRole(a) - byRole(b));
    return { reads: all.filter((attempt) => attempt.method === 'get'), writes };
  }

  const contextFor = (role: Role, key: string, call: ScopedCall): CallContext => ({
    plant,
    own: plant.A,
    role,
    mayAct: mayAct(role, key, call),
  });

  /** The attempt, a failure of its own making (a fixture call refused) recorded, not thrown. */
  const guarded =
    (kind: 'other' | 'own', work: (attempt: Attempt) => Promise<void>) =>
    async (attempt: Attempt): Promise<void> => {
      const from = Date.now();
      try {
        await work(attempt);
        slowest.push({ ms: Date.now() - from, what: `${kind} ${attempt.role} ${attempt.key}` });
      } catch (error) {
        findings.push({
          kind,
          tag: tagOf(attempt.key),
          operation: attempt.key,
          call: attempt.call.name,
          role: attempt.role,
          outcome: `the test could not make the call: ${(error as Error).message.slice(0, 200)}`,
        });
      }
    };

  /** Against line B: refused, and nothing of B changed. */
  const tryOther = guarded('other', async ({ key, method, call, role }) => {
    const context = contextFor(role, key, call);
    const request = await call.build(plant.B, context);
    if (method !== 'get' && !request.watch) {
      throw new Error('a write without a watch: the table must say what of line B it could change');
    }
    const watch = async () => {
      try {
        return stable(await request.watch?.());
      } catch (error) {
        return `unreadable: ${(error as Error).message}`;
      }
    };
    // A role without the route's permissions is stopped by the guard before any handler runs:
    // its answer alone tells (a 2xx fails), so the watch is kept for the roles that hold them.
    const watched = request.watch !== undefined && holdsPermissions(role, key);
    const before = watched ? await watch() : '';
    const response = await asUser(plant.users[role], method, request.path, request.body);
    const after = watched ? await watch() : '';
    await request.cleanup?.();
    stats.otherCalls += 1;
    const status = response.status;
    const code = (response.body as { code?: string } | undefined)?.code;
    if (process.env.LINE_SCOPE_DEBUG) {
      process.stdout.write(`B ${role} ${key} [${call.name}] ${status} ${brief(response.body)}\n`);
    }
    const base = { tag: tagOf(key), operation: key, call: call.name, role };
    if (before !== after) {
      findings.push({ ...base, kind: 'other', outcome: `${status}, and line B changed` });
      return;
    }
    if (status < 300) {
      findings.push({ ...base, kind: 'other', outcome: `${status} (line B's object served)` });
      return;
    }
    if (status === 403 && code === 'LINE_NOT_ASSIGNED') {
      if (holdsPermissions(role, key)) stats.lineRefusals += 1;
      else stats.roleRefusals += 1;
      return;
    }
    if (!context.mayAct && (status === 401 || status === 403)) {
      stats.roleRefusals += 1;
      return;
    }
    if (status === 404 && operationOf(key)?.documents404) return;
    if ([400, 404, 409].includes(status)) {
      accepted.push({ ...base, kind: 'other', outcome: `${status} ${brief(response.body)}` });
      return;
    }
    findings.push({
      ...base,
      kind: 'other',
      outcome:
        status === 403
          ? `403 without code LINE_NOT_ASSIGNED (${brief(response.body)})`
          : `${status} ${brief(response.body)}`,
    });
  });

  /** Against line A, by a role that may act: served. */
  const tryOwn = guarded('own', async ({ key, method, call, role }) => {
    const request = await call.build(plant.A, contextFor(role, key, call));
    const response = await asUser(plant.users[role], method, request.path, request.body);
    await request.cleanup?.();
    stats.ownCalls += 1;
    if (response.status >= 300) {
      findings.push({
        kind: 'own',
        tag: tagOf(key),
        operation: key,
        call: call.name,
        role,
        outcome: `${response.status} on line A (${brief(response.body)})`,
      });
    }
  });

  it('classifies every operation of the OpenAPI document, and only those', () => {
    const documented = new Set(operations.map((operation) => operation.key));
    const classified = new Set(Object.keys(LINE_SCOPE_ROUTES));
    expect(operations.length).toBeGreaterThan(100);
    const unclassified = [...documented].filter((key) => !classified.has(key)).sort();
    const stale = [...classified].filter((key) => !documented.has(key)).sort();
    const empty = Object.entries(LINE_SCOPE_ROUTES)
      .filter(([, scope]) => !('lineFree' in scope) && !scope.calls?.length && !scope.list)
      .map(([key]) => key);
    for (const key of unclassified) {
      findings.push({
        kind: 'classification',
        tag: tagOf(key),
        operation: key,
        call: '-',
        role: '-',
        outcome: 'not in the route table (line-scope-requests.ts): say how it is scoped',
      });
    }
    for (const key of stale) {
      findings.push({
        kind: 'classification',
        tag: key.split('/')[2] ?? key,
        operation: key,
        call: '-',
        role: '-',
        outcome: 'in the route table but no longer in the OpenAPI document',
      });
    }
    expect({ unclassified, stale, empty }).toEqual({ unclassified: [], stale: [], empty: [] });
  });

  it('shows every list and aggregate without a line filter with line A’s data only', async () => {
    const { own, other } = lineIds(plant);
    const checks: Array<{ key: string; list: ListCheck; role: Role }> = [];
    for (const [key, scope] of Object.entries(LINE_SCOPE_ROUTES)) {
      if ('lineFree' in scope || !scope.list || !operationOf(key)) continue;
      for (const role of ROLES) {
        const required = permissions.get(key);
        if (required && hasAllPermissions(role, required))
          checks.push({ key, list: scope.list, role });
      }
    }
    const expected = new Map<string, unknown>();
    const before = findings.length;
    await timed('lists', () =>
      pool(checks, CONCURRENCY, async ({ key, list, role }) => {
        const path = list.path(plant);
        const response = await asUser(plant.users[role], 'get', path);
        stats.listReads += 1;
        const base = { kind: 'list' as const, tag: tagOf(key), operation: key, call: path, role };
        if (response.status !== 200) {
          findings.push({ ...base, outcome: `${response.status} ${brief(response.body)}` });
          return;
        }
        const text = JSON.stringify(response.body);
        const leaked = other.filter((id) => text.includes(id));
        if (leaked.length > 0) {
          findings.push({ ...base, outcome: `holds ${leaked.length} of line B's ids` });
        } else if (list.holdsOwn !== false && !own.some((id) => text.includes(id))) {
          findings.push({ ...base, outcome: 'holds none of line A’s ids either (proves nothing)' });
        }
        if (!list.sameAs) return;
        const sameAs = list.sameAs;
        if (!expected.has(key)) {
          const adminBody = await plant.admin.get(sameAs.path(plant));
          expected.set(key, (sameAs.admin ?? defaultProjection)(adminBody, plant));
        }
        const mine = (sameAs.user ?? defaultProjection)(response.body, plant);
        if (stable(mine) !== stable(expected.get(key))) {
          findings.push({
            ...base,
            outcome: `differs from admin's ${sameAs.path(plant).replace(plant.A.line.id, 'A')}: ${difference(mine, expected.get(key))}`,
          });
        }
      }),
    );
    expect(checks.length).toBeGreaterThan(20);
    expect(report(findings.slice(before))).toBe('');
  });

  it('refuses every role limited to line A on line B’s objects, and changes nothing of B', async () => {
    const before = findings.length;
    const { reads, writes } = attempts(() => true);
    // Writes by a role without the route's permissions meet the guard, not line B: they go with
    // the reads; the others one by one, so that each watch sees its own call only.
    const guardedWrites = writes.filter(({ key, role }) => !holdsPermissions(role, key));
    const handledWrites = writes.filter(({ key, role }) => holdsPermissions(role, key));
    await timed('B reads', () => pool([...reads, ...guardedWrites], CONCURRENCY, tryOther));
    await timed('B writes', async () => {
      for (const attempt of handledWrites) await tryOther(attempt);
    });
    // The simulator's calls leave a run driving line B: it would slow down every call after.
    await plant.admin.request('post', '/api/simulator/stop', {});
    expect(reads.length + writes.length).toBeGreaterThan(400);
    expect(report(findings.slice(before))).toBe('');
  });

  it('serves the same calls on line A’s objects to every role that holds the permissions', async () => {
    const before = findings.length;
    const { reads, writes } = attempts(
      ({ key, call, role }) => call.noControl === undefined && mayAct(role, key, call),
    );
    await timed('A reads', () => pool(reads, CONCURRENCY, tryOwn));
    await timed('A writes', async () => {
      for (const attempt of writes) await tryOwn(attempt);
    });
    await plant.admin.request('post', '/api/simulator/stop', {});
    expect(reads.length + writes.length).toBeGreaterThan(150);
    expect(report(findings.slice(before))).toBe('');
  });

  // --- the report ---------------------------------------------------------------------------

  function defaultProjection(body: unknown): unknown {
    const page = body as { total?: number; items?: Array<{ id: string }> };
    if (!Array.isArray(page.items)) return body;
    return { total: page.total, ids: page.items.map((item) => item.id).sort() };
  }

  /** The first place two answers differ, for the report. */
  function difference(actual: unknown, expectedValue: unknown, at = ''): string {
    if (stable(actual) === stable(expectedValue)) return '';
    if (
      actual !== null &&
      expectedValue !== null &&
      typeof actual === 'object' &&
      typeof expectedValue === 'object'
    ) {
      const keys = new Set([...Object.keys(actual), ...Object.keys(expectedValue)]);
      for (const key of keys) {
        const found = difference(
          (actual as Record<string, unknown>)[key],
          (expectedValue as Record<string, unknown>)[key],
          `${at}.${key}`,
        );
        if (found) return found;
      }
    }
    const show = (value: unknown) => (JSON.stringify(value) ?? 'undefined').slice(0, 80);
    return `${at || '(whole)'} is ${show(actual)}, admin for A has ${show(expectedValue)}`;
  }

  /** Findings grouped by domain, then operation and call, the roles of one outcome together. */
  function report(list: readonly Finding[]): string {
    const byTag = new Map<string, Finding[]>();
    for (const finding of list)
      byTag.set(finding.tag, [...(byTag.get(finding.tag) ?? []), finding]);
    const lines: string[] = [];
    for (const [tag, tagged] of [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`## ${tag}`);
      const byCall = new Map<string, Finding[]>();
      for (const finding of tagged) {
        const where = `${finding.operation}${finding.call === '-' ? '' : ` [${finding.call}]`}`;
        byCall.set(where, [...(byCall.get(where) ?? []), finding]);
      }
      for (const [where, group] of byCall) {
        const byOutcome = new Map<string, string[]>();
        for (const finding of group) {
          byOutcome.set(finding.outcome, [...(byOutcome.get(finding.outcome) ?? []), finding.role]);
        }
        const outcomes = [...byOutcome.entries()].map(([outcome, roles]) => {
          const ordered = [...roles].sort(
            (a, b) => ROLES.indexOf(a as Role) - ROLES.indexOf(b as Role),
          );
          if (ordered.every((role) => role === '-')) return outcome;
          const who = ordered.length === ROLES.length ? 'every role' : ordered.join(', ');
          return `${who}: ${outcome}`;
        });
        lines.push(`- ${where}\n    ${outcomes.join('\n    ')}`);
      }
    }
    return lines.join('\n');
  }

  function writeReport(): void {
    let commit = 'unknown';
    try {
      commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      // Not a git checkout: the report goes without the commit.
    }
    const scoped = Object.values(LINE_SCOPE_ROUTES).filter((scope) => !('lineFree' in scope));
    const section = (title: string, kind: Finding['kind'], list = findings) => {
      const selected = list.filter((finding) => finding.kind === kind);
      return `# ${title} (${selected.length})\n${report(selected) || '(none)'}\n`;
    };
    const summary =
      `line scope: ${operations?.length ?? 0} operations, ${Object.keys(LINE_SCOPE_ROUTES).length} classified ` +
      `(${scoped.length} scoped, ${Object.keys(LINE_SCOPE_ROUTES).length - scoped.length} line-free); ` +
      `${stats.otherCalls} calls on line B (${stats.lineRefusals} refused LINE_NOT_ASSIGNED, ${stats.roleRefusals} for the role), ` +
      `${stats.ownCalls} on line A, ${stats.listReads} list reads; ` +
      `${stats.requests} requests as the limited users, ${plant?.admin.requests ?? 0} as admin ` +
      `(${stats.relogins + (plant?.admin.relogins ?? 0)} sign-ins again) ` +
      `in ${Math.round((Date.now() - started) / 1000)} s (${JSON.stringify(timings)}); ${findings.length} failures, ` +
      `${accepted.length} refusals of B without LINE_NOT_ASSIGNED accepted`;
    const text = [
      `Line-scope acceptance test (apps/api/test/e2e/line-scope.e2e-spec.ts), ${new Date().toISOString()}, commit ${commit}`,
      summary,
      'Expected against line B: 403 with code LINE_NOT_ASSIGNED (404 only where the operation documents a 404;',
      '401/403 of any kind for a role without the route’s permissions), and nothing of line B changed.',
      'Lists and aggregates without a line filter: no id of line B, and the same answer admin gets with lineId=A.',
      'Failures are per role; a call is named by the route table’s words in [brackets] (line-scope-requests.ts).',
      '',
      section('Operations the route table does not classify, or no longer exist', 'classification'),
      section(
        'Line B’s objects served, changed, or refused wrongly to a user limited to line A',
        'other',
      ),
      section('Lists and aggregates that show line B, or differ from line A’s figures', 'list'),
      section('Controls: the same call on line A’s own objects not served', 'own'),
      section(
        'Accepted, not failures: line B refused with 400/404/409 (not LINE_NOT_ASSIGNED), nothing of B changed',
        'other',
        accepted,
      ),
    ].join('\n');
    writeFileSync(REPORT_FILE, text);
    const slow = slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map(({ ms, what }) => `${what} ${ms} ms`);
    process.stdout.write(`${summary}\n  slowest: ${slow.join('; ')}\n  report: ${REPORT_FILE}\n`);
  }
});
