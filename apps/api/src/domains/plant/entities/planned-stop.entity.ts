import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'planned_stops' })
export class PlannedStopEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'line_id', type: 'uuid', nullable: true }) lineId!: string | null;
  @Column({ name: 'equipment_id', type: 'uuid', nullable: true }) equipmentId!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
