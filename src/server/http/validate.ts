/**
 * zod validation at the boundary with the shared schemas of src/shared/api.ts; any failure is an
 * AppError('bad-request') rendered by the one error handler. Messages name the field and the rule,
 * never echo a value.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors.ts';

function describe(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `Invalid request: ${parts.join('; ')}`.slice(0, 500);
}

/** `value` checked against `schema` outside a route (the records lane), with the same answer. */
export function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('bad-request', describe(result.error));
  return result.data;
}

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new AppError('bad-request', describe(result.error as unknown as z.ZodError));
  });
}
