/**
 * What a write changed (domain/context.ts ChangeLog), as the engine reports it: by resource declaration.
 */
import type { ChangeLog as DomainChangeLog } from '../domain/context.js';
import type { ResourceSpec } from './resource.js';

export type ChangeKind = 'created' | 'updated' | 'deleted';

export type ChangeLog = DomainChangeLog<ResourceSpec>;
