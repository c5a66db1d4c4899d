import { z } from 'zod';
import type { Slice } from '../store/index.js';

const dimensionValue = /^([a-z][a-z0-9_]*)=(.*)$/s;

/**
 * `slice=region=EMEA&slice=rep=Ana`: one value per dimension, `(none)` for a missing value; no
 * slice is the viewer's default. The same form as `kpitree series --slice`.
 */
export const sliceParam = z
  .union([z.string().max(500), z.array(z.string().max(500)).max(4)])
  .optional()
  .describe('dimension=value, repeatable (at most 4); (none) for a missing value; omit for your default slice')
  .transform((value, ctx): Slice | undefined => {
    if (value === undefined) return undefined;
    const slice: Slice = {};
    for (const text of Array.isArray(value) ? value : [value]) {
      const match = dimensionValue.exec(text);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not dimension=value (e.g. region=EMEA)` });
        return z.NEVER;
      }
      const [, dimension, dimensionValueText] = match as unknown as [string, string, string];
      if (dimension in slice) {
        ctx.addIssue({ code: 'custom', message: `dimension "${dimension}" is given twice` });
        return z.NEVER;
      }
      slice[dimension] = dimensionValueText === '(none)' ? null : dimensionValueText;
    }
    return slice;
  });
