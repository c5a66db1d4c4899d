import { z } from 'zod';
import { idSchema } from './schema-parts.js';

/**
 * One condition of a trigger, judged at the latest complete period of the metric's review grain:
 * - threshold: worse than the threshold (its value, or the target less its margin);
 * - anomaly: an anomaly in the worse direction at that period (the monitor's findings);
 * - { decline: N }: worse than the period before, N periods running.
 */
export const triggerConditionSchema = z.union([
  z.enum(['threshold', 'anomaly']),
  z.strictObject({ decline: z.number().int().min(2).max(52) }),
]);

/** A rule that opens an action plan when ALL its conditions hold: combining them keeps noise down. */
export const triggerSchema = z.strictObject({
  id: idSchema,
  when: z.array(triggerConditionSchema).min(1),
  /**
   * Judge every stored slice of these dimensions (one plan per slice that breaks) instead of the
   * total. The target applies to each slice as written: fit for rates and ratios, not for volumes.
   */
  by: z.array(idSchema).min(1).max(4).optional(),
});

export type TriggerCondition = z.infer<typeof triggerConditionSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
