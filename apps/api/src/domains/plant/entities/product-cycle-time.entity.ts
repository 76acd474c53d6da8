import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
// By name, not by class: the product imports this entity, and a value import back would be a cycle.
import type { ProductEntity } from './product.entity.js';

@Entity({ name: 'product_cycle_times' })
export class ProductCycleTimeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @ManyToOne('ProductEntity', (product: ProductEntity) => product.cycleTimes, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'product_id' })
  product!: Relation<ProductEntity>;
  @Column({ name: 'line_id', type: 'uuid', nullable: true }) lineId!: string | null;
  @Column({ name: 'equipment_id', type: 'uuid', nullable: true }) equipmentId!: string | null;
  @Column({ name: 'ideal_cycle_time_seconds', type: 'double precision' })
  idealCycleTimeSeconds!: number;
}
