import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface ShiftBreak {
  startTime: string;
  durationMinutes: number;
}

@Entity({ name: 'shifts' })
export class ShiftEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'line_id', type: 'uuid' }) lineId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'start_time', type: 'text' }) startTime!: string;
  @Column({ name: 'end_time', type: 'text' }) endTime!: string;
  @Column({ type: 'text' }) timezone!: string;
  @Column({ type: 'jsonb' }) breaks!: ShiftBreak[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
