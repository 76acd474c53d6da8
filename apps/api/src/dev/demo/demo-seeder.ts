import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AndonPolicy,
  Area,
  CreateAndonPolicyInput,
  CreateAreaInput,
  CreateDowntimeReasonInput,
  CreateEquipmentInput,
  CreateLineInput,
  CreateProductInput,
  CreateShiftInput,
  CreateSiteInput,
  DowntimeReason,
  Equipment,
  Line,
  Paginated,
  PaginationQuery,
  PlantListQuery,
  Product,
  Role,
  SessionUser,
  Shift,
  Site,
  UpdateAndonPolicyInput,
  UpdateAreaInput,
  UpdateDowntimeReasonInput,
  UpdateEquipmentInput,
  UpdateLineInput,
  UpdateProductInput,
  UpdateShiftInput,
  UpdateSiteInput,
} from '@ms5/contracts';
import type { DataSource } from 'typeorm';
import { ANDON_POLICIES_SERVICE } from '../../domains/andon/andon-policies.service.js';
import { ChecklistTemplatesService } from '../../domains/checklists/checklist-templates.service.js';
import { MaintenancePlansService } from '../../domains/maintenance/maintenance-plans.service.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import type { CrudPort } from '../../platform/common/crud-controller.factory.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { PLANT_TOKENS } from '../../domains/plant/plant-resources.js';
import { UsersRepository } from '../../platform/users/users.repository.js';
import { UsersService } from '../../platform/users/users.service.js';
import {
  DEMO_AREAS,
  DEMO_CHECKLISTS,
  DEMO_PLANS,
  DEMO_POLICIES,
  DEMO_PRODUCTS,
  DEMO_REASONS,
  DEMO_SHIFTS,
  DEMO_SITE,
  DEMO_USERS,
  SIMULATOR_USERNAME,
} from '../demo-plant/demo-plant.js';

/** The seeder builds the whole plant: it acts for every line. */
const SYSTEM = LineScope.everyLine;

/** Advisory lock key held while seeding, so that two instances starting together seed once. */
const DEMO_SEED_LOCK_KEY = 0x4d533544; // 'MS5D'

type Port<D, C, U> = CrudPort<D, C, U, PlantListQuery>;

export interface DemoSeedResult {
  created: boolean;
  /** Users created by this call with their generated passwords (shown once). */
  users: Array<{ username: string; role: Role; password: string }>;
  passwordFile: string | null;
}

/**
 * Seeds the demo plant on first start with `DEMO=1`, through the same services as the REST routes
 * (validation rules and audit apply). Skips everything when the demo site exists; each step also
 * skips what already exists, so an interrupted seed completes on the next start.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @Inject(PLANT_TOKENS.sites)
    private readonly sites: Port<Site, CreateSiteInput, UpdateSiteInput>,
    @Inject(PLANT_TOKENS.areas)
    private readonly areas: Port<Area, CreateAreaInput, UpdateAreaInput>,
    @Inject(PLANT_TOKENS.lines)
    private readonly lines: Port<Line, CreateLineInput, UpdateLineInput>,
    @Inject(PLANT_TOKENS.equipment)
    private readonly equipment: Port<Equipment, CreateEquipmentInput, UpdateEquipmentInput>,
    @Inject(PLANT_TOKENS.products)
    private readonly products: Port<Product, CreateProductInput, UpdateProductInput>,
    @Inject(PLANT_TOKENS.shifts)
    private readonly shifts: Port<Shift, CreateShiftInput, UpdateShiftInput>,
    @Inject(PLANT_TOKENS.downtimeReasons)
    private readonly reasons: Port<
      DowntimeReason,
      CreateDowntimeReasonInput,
      UpdateDowntimeReasonInput
    >,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(print: (message: string) => void = () => undefined): Promise<DemoSeedResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DEMO_SEED_LOCK_KEY]);
      if (await this.findSite()) {
        await this.seedProductionSetup(await this.actor());
        return { created: false, users: [], passwordFile: null };
      }
      const result = await this.seedAll();
      if (result.users.length > 0) result.passwordFile = await this.writePasswords(result, print);
      return result;
    } finally {
      await runner
        .query('SELECT pg_advisory_unlock($1)', [DEMO_SEED_LOCK_KEY])
        .catch(() => undefined);
      await runner.release();
    }
  }

  private async findSite(): Promise<Site | null> {
    const page = await this.sites.list({ page: 1, pageSize: 200, search: DEMO_SITE.code }, SYSTEM);
    return page.items.find((site) => site.code === DEMO_SITE.code) ?? null;
  }

  private async seedAll(): Promise<DemoSeedResult> {
    const created: DemoSeedResult['users'] = [];
    for (const user of [
      ...DEMO_USERS,
      { username: SIMULATOR_USERNAME, role: 'engineer' as const, displayName: 'Line simulator' },
    ]) {
      const password = randomBytes(12).toString('base64url');
      try {
        await this.users.create({ ...user, password }, null);
        created.push({ username: user.username, role: user.role, password });
      } catch (error) {
        if (!(error instanceof DomainException && error.code === 'USERNAME_TAKEN')) throw error;
      }
    }
    const actor = await this.actor();

    const areas = await all(this.areas);
    const lines = await all(this.lines);
    const equipment = await all(this.equipment);
    const shifts = await all(this.shifts);
    const products = await all(this.products);
    const reasons = await all(this.reasons);

    const site = await this.sites.create({ ...DEMO_SITE }, actor, SYSTEM);
    const lineIds = new Map<string, string>();
    for (const areaDefinition of DEMO_AREAS) {
      const area =
        areas.find((a) => a.siteId === site.id && a.code === areaDefinition.code) ??
        (await this.areas.create(
          { siteId: site.id, code: areaDefinition.code, name: areaDefinition.name },
          actor,
          SYSTEM,
        ));
      for (const lineDefinition of areaDefinition.lines) {
        const line =
          lines.find((l) => l.code === lineDefinition.code) ??
          (await this.lines.create(
            {
              code: lineDefinition.code,
              name: lineDefinition.name,
              areaId: area.id,
              microStopThresholdSeconds: 120,
            },
            actor,
            SYSTEM,
          ));
        lineIds.set(line.code, line.id);
        for (const item of lineDefinition.equipment) {
          if (!equipment.some((e) => e.code === item.code))
            await this.equipment.create({ ...item, lineId: line.id }, actor, SYSTEM);
        }
        if (!shifts.some((s) => s.lineId === line.id)) {
          for (const shift of DEMO_SHIFTS)
            await this.shifts.create(
              { ...shift, lineId: line.id, breaks: [...shift.breaks] },
              actor,
              SYSTEM,
            );
        }
      }
    }
    for (const product of DEMO_PRODUCTS) {
      if (products.some((p) => p.code === product.code)) continue;
      await this.products.create(
        {
          code: product.code,
          name: product.name,
          idealCycleTimeSeconds: product.idealCycleTimeSeconds,
          cycleTimes: Object.entries(product.lines).flatMap(([code, seconds]) => {
            const lineId = lineIds.get(code);
            return lineId ? [{ lineId, idealCycleTimeSeconds: seconds }] : [];
          }),
        },
        actor,
        SYSTEM,
      );
    }
    for (const reason of DEMO_REASONS) {
      if (reasons.some((r) => r.code === reason.code)) continue;
      await this.reasons.create(reason, actor, SYSTEM);
    }
    const policies = this.moduleRef.get<
      CrudPort<AndonPolicy, CreateAndonPolicyInput, UpdateAndonPolicyInput, PaginationQuery>
    >(ANDON_POLICIES_SERVICE, { strict: false });
    const existingPolicies = (await policies.list({ page: 1, pageSize: 200 }, SYSTEM)).items;
    for (const policy of DEMO_POLICIES) {
      if (existingPolicies.some((p) => p.name === policy.name)) continue;
      await policies.create(policy, actor, SYSTEM);
    }
    await this.seedProductionSetup(actor);
    return { created: true, users: created, passwordFile: null };
  }

  /**
   * What the production features need of the demo plant: each line's output at its last station
   * (the lines run in series), the machines' preventive plans and a pre-start checklist per
   * line. Also run on a demo seeded by an
   * earlier version, so that it counts its output right; skips what is already set.
   */
  private async seedProductionSetup(actor: SessionUser): Promise<void> {
    const lines = await all(this.lines);
    const equipment = await all(this.equipment);
    for (const definition of DEMO_AREAS.flatMap((area) => area.lines)) {
      const line = lines.find((l) => l.code === definition.code);
      const lastCode = definition.equipment.at(-1)?.code;
      const last = equipment.find((e) => e.code === lastCode);
      if (line && line.outputEquipmentId === null && last && last.lineId === line.id) {
        await this.lines.update(line.id, { outputEquipmentId: last.id }, actor, SYSTEM);
      }
    }
    await this.seedPlans(actor, lines, equipment);
    const checklists = this.moduleRef.get(ChecklistTemplatesService, { strict: false });
    for (const checklist of DEMO_CHECKLISTS) {
      const lineId = lines.find((l) => l.code === checklist.lineCode)?.id;
      if (lineId === undefined) continue;
      const existing = await checklists.list(
        { page: 1, pageSize: 200, lineId, active: 'all' },
        actor,
      );
      if (existing.items.some((template) => template.name === checklist.name)) continue;
      await checklists.create(
        { name: checklist.name, lineId, items: checklist.items.map((item) => ({ ...item })) },
        actor,
      );
    }
  }

  /**
   * The demo's preventive plans (`DEMO_PLANS`), on the first or last machine of each line, made
   * by the seeding admin; skips a machine's plan of the same title. The maintenance scheduler
   * then opens their work orders like any plan's.
   */
  private async seedPlans(
    actor: SessionUser,
    lines: readonly Line[],
    equipment: readonly Equipment[],
  ): Promise<void> {
    const plans = this.moduleRef.get(MaintenancePlansService, { strict: false });
    for (const definition of DEMO_AREAS.flatMap((area) => area.lines)) {
      if (!lines.some((l) => l.code === definition.code)) continue;
      for (const plan of DEMO_PLANS) {
        if (plan.lineCodes && !plan.lineCodes.includes(definition.code)) continue;
        const code = (plan.on === 'first' ? definition.equipment[0] : definition.equipment.at(-1))
          ?.code;
        const machine = equipment.find((e) => e.code === code);
        if (!machine) continue;
        const existing = await plans.list(
          { page: 1, pageSize: 200, equipmentId: machine.id },
          actor,
        );
        if (existing.items.some((p) => p.title === plan.title)) continue;
        await plans.create(
          {
            equipmentId: machine.id,
            title: plan.title,
            description: plan.description,
            priority: plan.priority,
            leadTimeHours: plan.leadTimeHours,
            triggers: plan.triggers.map((trigger) => ({ ...trigger })),
          },
          actor,
        );
      }
    }
  }

  /** The demo admin does the seeding (the audit log shows it). */
  private async actor(): Promise<SessionUser> {
    const admin = DEMO_USERS.find((u) => u.role === 'admin');
    const user = admin ? await this.usersRepository.findByUsernameWithHash(admin.username) : null;
    if (!user) throw new Error('demo admin missing');
    return { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
  }

  private async writePasswords(
    result: DemoSeedResult,
    print: (message: string) => void,
  ): Promise<string> {
    await mkdir(this.config.DATA_DIR, { recursive: true });
    const file = path.resolve(this.config.DATA_DIR, 'demo-users.txt');
    const body = result.users.map((u) => `${u.username}\t${u.role}\t${u.password}`).join('\n');
    await writeFile(file, `# username\trole\tpassword (generated at first start)\n${body}\n`, {
      mode: 0o600,
    });
    await chmod(file, 0o600);
    const width = Math.max(...result.users.map((u) => u.username.length));
    print(
      `\n  Demo plant seeded. Demo users (passwords shown once; also saved to ${file}, readable only by you):\n` +
        result.users
          .map((u) => `    ${u.username.padEnd(width)}  ${u.password}  (${u.role})`)
          .join('\n') +
        '\n',
    );
    return file;
  }
}

async function all<D, C, U>(port: Port<D, C, U>): Promise<D[]> {
  const items: D[] = [];
  for (let page = 1; ; page++) {
    const result: Paginated<D> = await port.list({ page, pageSize: 200 }, SYSTEM);
    items.push(...result.items);
    if (page >= result.totalPages) return items;
  }
}
