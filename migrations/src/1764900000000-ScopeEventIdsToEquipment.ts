import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine events become idempotent per equipment: the unique key is `(equipment_id, event_id)`
 * instead of `event_id` across the plant, so that two gateways numbering their events alike no
 * longer shadow each other. Every stored row already satisfies the wider key (it was unique on
 * `event_id` alone), so none is touched. The new key is in place before the old one goes: at no
 * moment is the table without a unique key.
 */
export class ScopeEventIdsToEquipment1764900000000 implements MigrationInterface {
  name = 'ScopeEventIdsToEquipment1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE machine_events
         ADD CONSTRAINT machine_events_equipment_event_id_uq UNIQUE (equipment_id, event_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE machine_events DROP CONSTRAINT machine_events_event_id_uq`,
    );
  }

  /**
   * Back to one eventId per plant, which only works while no two equipment share an eventId:
   * rows are never deleted to make it fit, so the step refuses and says which ids are shared.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    const shared = (await queryRunner.query(
      `SELECT event_id FROM machine_events GROUP BY event_id HAVING count(*) > 1 LIMIT 5`,
    )) as Array<{ event_id: string }>;
    if (shared.length > 0) {
      throw new Error(
        `Cannot make event_id unique again: equipment share event ids (${shared.map((r) => r.event_id).join(', ')}, …); no row is deleted to force it`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE machine_events ADD CONSTRAINT machine_events_event_id_uq UNIQUE (event_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE machine_events DROP CONSTRAINT machine_events_equipment_event_id_uq`,
    );
  }
}
