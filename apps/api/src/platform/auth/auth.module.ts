import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { RUNTIME_INFO, type RuntimeInfo } from '../config/config.tokens.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { jwtModuleOptions } from './jwt-options.js';
import { loginLimiterProvider } from './login-limiter.provider.js';
import { PermissionsGuard } from './permissions.guard.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    CredentialsModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [RUNTIME_INFO],
      useFactory: (runtime: RuntimeInfo) => jwtModuleOptions(runtime.jwtSecret),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    loginLimiterProvider,
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
