import { z } from 'zod';
import { durationSchema, expressionSchema, idSchema } from './schema-parts.js';
import type { Duration } from './duration.js';
import type { Expression } from './expression/index.js';

/**
 * A node of a tree is a metric. Its formula children are joined to it by an exact formula
 * (revenue = won_deals * average_deal_size); its drivers influence it statistically, with a lag.
 */
export interface TreeNode {
  metric: string;
  formula?: Expression;
  children?: TreeNode[];
  drivers?: DriverNode[];
  note?: string;
}

export interface DriverNode extends TreeNode {
  /** How long the driver takes to move the parent. */
  lag?: Duration;
  /** Whether more of the driver means more (positive) or less (negative) of the parent. */
  sign: 'positive' | 'negative';
}

const nodeFields = {
  metric: idSchema,
  formula: expressionSchema.optional(),
  note: z.string().optional(),
};

export const treeNodeSchema: z.ZodType<TreeNode, unknown> = z.lazy(() =>
  z.strictObject({
    ...nodeFields,
    children: z.array(treeNodeSchema).optional(),
    drivers: z.array(driverNodeSchema).optional(),
  }),
);

const driverNodeSchema: z.ZodType<DriverNode, unknown> = z.lazy(() =>
  z.strictObject({
    ...nodeFields,
    lag: durationSchema.optional(),
    sign: z.enum(['positive', 'negative']).default('positive'),
    children: z.array(treeNodeSchema).optional(),
    drivers: z.array(driverNodeSchema).optional(),
  }),
);

export const treeSchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  description: z.string().optional(),
  root: treeNodeSchema,
});

export type Tree = z.infer<typeof treeSchema>;

export interface TreeEdge {
  parent: string;
  child: string;
  type: 'formula' | 'influence';
  lag?: Duration;
  sign?: 'positive' | 'negative';
}

/** The nodes of a tree, parents before children, each with the path of field names that leads to it. */
export function treeNodes(tree: Tree): { node: TreeNode; path: (string | number)[]; parent?: TreeNode; edge?: TreeEdge }[] {
  const out: { node: TreeNode; path: (string | number)[]; parent?: TreeNode; edge?: TreeEdge }[] = [];
  const walk = (node: TreeNode, path: (string | number)[], parent?: TreeNode, edge?: TreeEdge): void => {
    out.push({ node, path, ...(parent ? { parent } : {}), ...(edge ? { edge } : {}) });
    node.children?.forEach((child, i) =>
      walk(child, [...path, 'children', i], node, { parent: node.metric, child: child.metric, type: 'formula' }),
    );
    node.drivers?.forEach((driver, i) =>
      walk(driver, [...path, 'drivers', i], node, {
        parent: node.metric,
        child: driver.metric,
        type: 'influence',
        sign: driver.sign,
        ...(driver.lag ? { lag: driver.lag } : {}),
      }),
    );
  };
  walk(tree.root, ['root']);
  return out;
}
