import { z } from 'zod';
import { cadenceSchema, durationSchema, grainSchema, idSchema } from './schema-parts.js';
import { triggerSchema } from './trigger.js';

export const roles = ['admin', 'executive', 'manager', 'rep'] as const;

export const personSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  email: z.email().optional(),
  role: z.enum(roles),
  team: idSchema.optional(),
  /** The Salesforce User id, so that a rep's own numbers can be found (owner_id on records). */
  salesforce_user_id: z.string().optional(),
});

export const teamSchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  manager: idSchema.optional(),
  parent: idSchema.optional(),
});

export const targetSchema = z.strictObject({
  /** One number, not a range. */
  value: z.number(),
  direction: z.enum(['higher', 'lower']),
  /** Targets for particular periods, by label ("2026-Q3", "2026-07"); value applies elsewhere. */
  periods: z.record(z.string(), z.number()).optional(),
});

export const thresholdSchema = z
  .strictObject({
    /** Breached when the metric is worse than this value. */
    value: z.number().optional(),
    /** Breached when the metric is worse than the target by this fraction (0.1 = 10%). */
    margin: z.number().gt(0).lt(1).optional(),
  })
  .refine((t) => (t.value === undefined) !== (t.margin === undefined), {
    message: 'a threshold has exactly one of value (a number) or margin (a fraction of the target)',
  });

export const playbookSchema = z.strictObject({
  /** The intervention, written for the owner: "Review every Stage 3 opportunity in EMEA". */
  action: z.string().min(1),
  due: durationSchema,
});

export const ownershipSchema = z.strictObject({
  metric: idSchema,
  responsible: idSchema,
  accountable: idSchema.optional(),
  consulted: z.array(idSchema).default([]),
  informed: z.array(idSchema).default([]),
  target: targetSchema.optional(),
  threshold: thresholdSchema.optional(),
  review: cadenceSchema.optional(),
  /** The grain its values are judged at when not that of the review (coverage reviewed monthly against quarterly quotas: quarter). */
  grain: grainSchema.optional(),
  playbook: playbookSchema.optional(),
  /** When to open an action plan; without it, a threshold with a playbook is one trigger (id threshold). */
  triggers: z.array(triggerSchema).optional(),
}).superRefine((entry, ctx) => {
  entry.triggers?.forEach((trigger, i) => {
    if (!entry.playbook) ctx.addIssue({ code: 'custom', path: ['triggers', i], message: 'a trigger opens an action plan: give this ownership a playbook (action and due)' });
    trigger.when.forEach((condition, j) => {
      if (condition === 'threshold' && !entry.threshold) {
        ctx.addIssue({ code: 'custom', path: ['triggers', i, 'when', j], message: 'the threshold condition needs a threshold on this ownership (value, or margin with a target)' });
      }
    });
    if (entry.triggers!.findIndex((other) => other.id === trigger.id) < i) {
      ctx.addIssue({ code: 'custom', path: ['triggers', i, 'id'], message: `trigger id "${trigger.id}" is used twice for ${entry.metric}` });
    }
  });
});

export const ownersSchema = z.strictObject({
  people: z.array(personSchema).default([]),
  teams: z.array(teamSchema).default([]),
  ownership: z.array(ownershipSchema).default([]),
});

export type Person = z.infer<typeof personSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Ownership = z.infer<typeof ownershipSchema>;
export type Owners = z.infer<typeof ownersSchema>;
export type Role = (typeof roles)[number];
