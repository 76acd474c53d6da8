import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/app-config.js';
import { SimulatorDriver } from '../simulator/simulator.driver.js';
import { SimulatorService } from '../simulator/simulator.service.js';
import { DemoScheduleKeeper } from './demo-schedule.js';
import { DemoSeeder } from './demo-seeder.js';

/**
 * After the server listens: with `DEMO=1`, seed the demo plant (first start only), start the
 * line simulator unless a run is already active, and start the demo schedule keeper (orders per
 * shift and their lifecycle; it stops when the app closes). Every instance runs the simulator's
 * driver loop (it only drives an active run, and only one instance holds its lock), so that a run
 * started from the screen survives restarts and moves to another replica when its driver goes away.
 */
export async function startDemoAndSimulator(
  app: INestApplication,
  config: Pick<AppConfig, 'DEMO' | 'SIMULATOR_SPEED'>,
  print: (message: string) => void,
): Promise<void> {
  const simulator = app.get(SimulatorService);
  if (config.DEMO) {
    await app.get(DemoSeeder).seed(print);
    app.get(DemoScheduleKeeper).start();
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
