import { Module } from '@nestjs/common';
import { DemoModule } from './demo/demo.module.js';
import { SimulatorModule } from './simulator/simulator.module.js';

/**
 * The developer and demo tooling: the demo plant seeder with its schedule keeper, and the line
 * simulator (a client of the public HTTP API). The app's only way into dev/ besides
 * `startDemoAndSimulator`.
 */
@Module({
  imports: [SimulatorModule, DemoModule],
  exports: [SimulatorModule, DemoModule],
})
export class DevModule {}
