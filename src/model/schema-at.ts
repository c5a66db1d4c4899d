import { z } from 'zod';
import type { FieldPath } from './yaml-locate.js';

type Schema = z.core.$ZodType;

/** The fields an object schema allows at `path` of `value`: the candidates for "did you mean" on an unknown key. */
export function knownFieldsAt(schema: Schema, value: unknown, path: FieldPath): string[] {
  let current: Schema | null = schema;
  let raw = value;
  for (const part of path) {
    current = current ? childSchema(unwrap(current, raw), part) : null;
    raw = isRecord(raw) || Array.isArray(raw) ? (raw as Record<string | number, unknown>)[part] : undefined;
  }
  const object = current ? unwrap(current, raw) : null;
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

function childSchema(schema: Schema, part: string | number): Schema | null {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, Schema>)[String(part)] ?? null;
  if (schema instanceof z.ZodArray) return schema.element;
  if (schema instanceof z.ZodRecord) return schema.valueType;
  return null;
}

/** Sees through optional, default, lazy and transforms, and picks the union member that fits the value. */
function unwrap(schema: Schema, raw: unknown): Schema {
  for (let depth = 0; depth < 20; depth++) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) schema = schema.unwrap();
    else if (schema instanceof z.ZodLazy) schema = schema.unwrap();
    else if (schema instanceof z.ZodPipe) schema = schema.in;
    else if (schema instanceof z.ZodUnion) schema = pickOption(schema, raw);
    else return schema;
  }
  return schema;
}

function pickOption(union: z.ZodUnion, raw: unknown): Schema {
  const options = union.options as readonly Schema[];
  const discriminator = union instanceof z.ZodDiscriminatedUnion ? union.def.discriminator : undefined;
  if (discriminator && isRecord(raw)) {
    const match = options.find((option) => {
      const field = option instanceof z.ZodObject ? (option.shape as Record<string, Schema>)[discriminator] : undefined;
      return field !== undefined && z.safeParse(field, raw[discriminator]).success;
    });
    if (match) return match;
  }
  const wanted = Array.isArray(raw) ? z.ZodArray : isRecord(raw) ? z.ZodObject : null;
  return options.find((option) => wanted && unwrap(option, raw) instanceof wanted) ?? options[0]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
