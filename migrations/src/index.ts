import type { MigrationInterface } from 'typeorm';
import { CreateUsersAuthAudit1764000000000 } from './1764000000000-CreateUsersAuthAudit.js';
import { CreatePlantModel1764100000000 } from './1764100000000-CreatePlantModel.js';
import { CreateMachineEvents1764100000001 } from './1764100000001-CreateMachineEvents.js';
import { CreateOeeRollups1764100000002 } from './1764100000002-CreateOeeRollups.js';
import { CreateDowntimeAssignments1764300000000 } from './1764300000000-CreateDowntimeAssignments.js';
import { CreateAndon1764200000000 } from './1764200000000-CreateAndon.js';
import { CreateSimulatorRuns1764400000000 } from './1764400000000-CreateSimulatorRuns.js';
import { CreateProductionOrders1764500000000 } from './1764500000000-CreateProductionOrders.js';
import { CreateChecklistsAndHandovers1764600000000 } from './1764600000000-CreateChecklistsAndHandovers.js';
import { AttributeCountsByRunningTime1764800000000 } from './1764800000000-AttributeCountsByRunningTime.js';
import { ScopeEventIdsToEquipment1764900000000 } from './1764900000000-ScopeEventIdsToEquipment.js';
import { CreateAuthSessions1765000000000 } from './1765000000000-CreateAuthSessions.js';
import { CreateMaintenance1765100000000 } from './1765100000000-CreateMaintenance.js';
import { CreateMaintenancePlans1765200000000 } from './1765200000000-CreateMaintenancePlans.js';
import { AddWorkOrderChecklists1765300000000 } from './1765300000000-AddWorkOrderChecklists.js';
import { AddAndonPolicyWorkOrders1765400000000 } from './1765400000000-AddAndonPolicyWorkOrders.js';

/** Every migration, oldest first. Append only: never edit one that has shipped. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateUsersAuthAudit1764000000000,
  CreatePlantModel1764100000000,
  CreateMachineEvents1764100000001,
  CreateOeeRollups1764100000002,
  CreateAndon1764200000000,
  CreateDowntimeAssignments1764300000000,
  CreateSimulatorRuns1764400000000,
  CreateProductionOrders1764500000000,
  CreateChecklistsAndHandovers1764600000000,
  AttributeCountsByRunningTime1764800000000,
  ScopeEventIdsToEquipment1764900000000,
  CreateAuthSessions1765000000000,
  CreateMaintenance1765100000000,
  CreateMaintenancePlans1765200000000,
  AddWorkOrderChecklists1765300000000,
  AddAndonPolicyWorkOrders1765400000000,
];
