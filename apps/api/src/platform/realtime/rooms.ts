import type { Role } from '@ms5/contracts';

/**
 * Socket.io room names. A client that sees every line joins `lines:all` and `role:<its role>`; a
 * client limited to some lines joins `line:<id>` for each of them (and no role room, so that a
 * role-wide notice never tells it about a line it may not see).
 */
export const rooms = {
  line: (lineId: string): string => `line:${lineId}`,
  allLines: 'lines:all',
  role: (role: Role): string => `role:${role}`,
  /** Every socket of one sign-in session: disconnected when the session ends. Nothing is sent here. */
  session: (sessionId: string): string => `session:${sessionId}`,
} as const;

/** The rooms an event about something on `lineId` is sent to. */
export function lineAudience(lineId: string): string[] {
  return [rooms.line(lineId), rooms.allLines];
}
