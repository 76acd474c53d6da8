import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProductCycleTimeEntity } from './product-cycle-time.entity.js';

@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'ideal_cycle_time_seconds', type: 'double precision' })
  idealCycleTimeSeconds!: number;
  @OneToMany(() => ProductCycleTimeEntity, (cycleTime) => cycleTime.product, {
    cascade: true,
    eager: true,
  })
  cycleTimes!: ProductCycleTimeEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
