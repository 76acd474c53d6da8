import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { SimulatorDriver } from '../simulator/simulator.driver.js';
import { SimulatorService } from '../simulator/simulator.service.js';
import { DemoSeeder } from './demo-seeder.js';

/**
 * After the server listens: with `DEMO=1`, seed the demo plant (first start only) and start the
 * line simulator unless a run is already active. Every instance runs the simulator's driver loop
 * (it only drives an active run, and only one instance holds its lock), so that a run started
 * from the screen survives restarts and moves to another replica when its driver goes away.
 */
export async function startDemoAndSimulator(
  app: INestApplication,
  config: Pick<AppConfig, 'DEMO' | 'SIMULATOR_SPEED'>,
  print: (message: string) => void,
): Promise<void> {
  const simulator = app.get(SimulatorService);
  if (config.DEMO) {
    await app.get(DemoSeeder).seed(print);
    const { status } = await simulator.state();
    if (status === 'stopped') {
      try {
        await simulator.start({ speed: config.SIMULATOR_SPEED }, null);
      } catch {
        // Another instance started it at the same moment.
      }
    }
  }
  app.get(SimulatorDriver).ensureStarted();
}
