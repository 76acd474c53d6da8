import type {
  AndonPriority,
  AndonType,
  AndonWorkOrderPriority,
  EscalationLevelInput,
} from '@ms5/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'andon_policies' })
export class AndonPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) priority!: AndonPriority;
  @Column({ type: 'text', nullable: true }) type!: AndonType | null;
  @Column({ name: 'line_id', type: 'uuid', nullable: true }) lineId!: string | null;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ type: 'jsonb' }) levels!: EscalationLevelInput[];
  @Column({ name: 'open_work_order_at', type: 'text', nullable: true })
  openWorkOrderAt!: AndonWorkOrderPriority | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
