import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type LoginInput,
  type LogoutInput,
  type RefreshInput,
  type SessionUser,
  authTokensSchema,
  loginSchema,
  logoutSchema,
  refreshSchema,
  sessionUserSchema,
} from '@ms5/contracts';
import type { Request } from 'express';
import { ValidateBody } from '../common/validation.js';
import { toOpenApiSchema } from '../common/zod-openapi.js';
import { Authenticated, CurrentSessionId, CurrentUser, Public } from '../common/auth.decorators.js';
import { AuthService } from './auth.service.js';

const tokensResponse = toOpenApiSchema(authTokensSchema, 'output');

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ValidateBody(loginSchema)
  @ApiOkResponse({ schema: tokensResponse })
  login(@Body() body: LoginInput, @Req() request: Request) {
    return this.auth.login(body, request.ip ?? 'unknown');
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ValidateBody(refreshSchema)
  @ApiOkResponse({ schema: tokensResponse })
  refresh(@Body() body: RefreshInput) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @Authenticated()
  @ValidateBody(logoutSchema)
  async logout(
    @Body() body: LogoutInput,
    @CurrentUser() user: SessionUser,
    @CurrentSessionId() sessionId: string,
  ): Promise<void> {
    await this.auth.logout(body.refreshToken, user, sessionId);
  }

  @Get('me')
  @ApiBearerAuth()
  @Authenticated()
  @ApiOkResponse({ schema: toOpenApiSchema(sessionUserSchema, 'output') })
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
