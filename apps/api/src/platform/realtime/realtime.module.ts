import { Module } from '@nestjs/common';
import { LineAccessModule } from '../line-access/line-access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { UsersModule } from '../users/users.module.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { OutboxRepository } from './outbox.repository.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** The socket.io gateway and the transactional outbox it publishes from. */
@Module({
  imports: [AuthModule, UsersModule, LineAccessModule, MetricsModule],
  providers: [RealtimeGateway, OutboxRepository, OutboxDispatcher],
  exports: [OutboxRepository, OutboxDispatcher],
})
export class RealtimeModule {}
