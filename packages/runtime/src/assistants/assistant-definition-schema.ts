import { z } from 'zod';
import type { AssistantDefinition } from '@andes-rag/core';
import { collectionNamePattern } from '@andes-rag/vectorstore';
import { jsonSchemaProblem } from '../limits/json-schema-limits.js';
import { maxResultCount } from '../limits/request-limits.js';

/**
 * Assistant names: letters, digits, `.`, `_`, `-`, 1 to 64 characters, starting with a letter or digit. No `:` or
 * `+`, so a name never looks like `andes:<collection>` or `<model>+<adapter>` in `/v1/models`.
 */
export const assistantNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** An assistant's name; see {@link assistantNamePattern}. */
export const assistantNameSchema = z
  .string()
  .regex(assistantNamePattern, 'assistant names are 1-64 letters, digits, ".", "_" or "-"');

/** Most collections one assistant answers from (each is searched for every question). */
export const maxAssistantCollections = 16;

const chunkFilterSchema = z
  .object({
    sourcePrefix: z.string().min(1).max(1024).optional(),
    mediaTypes: z.array(z.string().min(1).max(255)).max(50).optional(),
    tags: z.array(z.string().min(1).max(255)).max(50).optional(),
  })
  .strict();

/**
 * An assistant definition as a caller writes it (HTTP body, CLI file): unknown fields are refused so a misspelt
 * setting is an error, not silently ignored. Defaults: description and system prompt "", retrieval and generation
 * settings unset (the server's configuration and the model's defaults). An assistant answers from 1 to
 * {@link maxAssistantCollections} collections, searched together.
 */
export const assistantDefinitionSchema = z
  .object({
    description: z.string().max(2000).default(''),
    systemPrompt: z.string().max(20_000).default(''),
    collections: z
      .array(z.string().regex(collectionNamePattern, 'not a collection name'))
      .min(1, 'an assistant needs a collection')
      .max(maxAssistantCollections, `an assistant answers from at most ${maxAssistantCollections} collections`)
      .refine((names) => new Set(names).size === names.length, 'a collection is named twice'),
    retrieval: z
      .object({
        k: z.number().int().min(1).max(maxResultCount).optional(),
        filter: chunkFilterSchema.optional(),
        rerank: z.boolean().optional(),
        threshold: z
          .object({
            minTermCoverage: z.number().min(0).max(1).optional(),
            minRerankScore: z.number().min(0).max(1).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    generation: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        maxTokens: z.number().int().min(1).max(32_768).optional(),
        stop: z.array(z.string().min(1).max(100)).max(8).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 32 - 1)
          .optional(),
      })
      .strict()
      .default({}),
    loraAdapter: z
      .string()
      .regex(/^[\w.-]+$/, 'not an adapter name')
      .optional(),
    jsonSchema: z
      .record(z.string(), z.unknown())
      .superRefine((schema, context) => {
        const problem = jsonSchemaProblem(schema);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  })
  .strict();

/** What {@link assistantDefinitionSchema} accepts (fields with defaults may be left out). */
export type AssistantDefinitionInput = z.input<typeof assistantDefinitionSchema>;

/** Validates a definition from outside (HTTP, CLI file), dropping unset optional fields. */
export function parseAssistantDefinition(input: unknown): AssistantDefinition {
  return stripUndefined(assistantDefinitionSchema.parse(input)) as AssistantDefinition;
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .map(([key, child]) => [key, stripUndefined(child)]),
  );
}
