import {
  andonPolicyListQuerySchema,
  andonPolicySchema,
  createAndonPolicySchema,
  updateAndonPolicySchema,
} from '@ms5/contracts';
import { crudController } from '../../platform/common/crud-controller.factory.js';
import { ANDON_POLICIES_SERVICE } from './andon-policies.service.js';

/** `/api/andon-policies`: read with `andon:read`, changed with `andon-policies:manage`. */
export const AndonPoliciesController = crudController({
  path: 'andon-policies',
  tag: 'andon-policies',
  serviceToken: ANDON_POLICIES_SERVICE,
  read: 'andon:read',
  write: 'andon-policies:manage',
  itemSchema: andonPolicySchema,
  createSchema: createAndonPolicySchema,
  updateSchema: updateAndonPolicySchema,
  listQuerySchema: andonPolicyListQuerySchema,
});
