import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'lines' })
export class LineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'area_id', type: 'uuid', nullable: true }) areaId!: string | null;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'micro_stop_threshold_seconds', type: 'integer' })
  microStopThresholdSeconds!: number;
  /** The equipment whose good count is the line's output; null: the sum over the line's equipment. */
  @Column({ name: 'output_equipment_id', type: 'uuid', nullable: true })
  outputEquipmentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
