import { z } from 'zod';

/** A LoRA adapter the server offers: a GGUF adapter file of the chat model, and its strength. */
export const loraAdapterConfigSchema = z.object({
  /** Path of the LoRA adapter GGUF (relative paths are resolved against the working directory). */
  path: z.string().min(1),
  /** Strength the adapter is applied with. Default 1. */
  scale: z.number().finite().optional(),
});

/** One configured LoRA adapter; see {@link loraAdapterConfigSchema}. */
export type LoraAdapterConfig = z.infer<typeof loraAdapterConfigSchema>;

/**
 * `loraAdapters`: name → adapter. Each is served as the model `<chat model id>+<name>` (plain chat through that
 * adapter, over the already loaded base model), so clients pick an adapter by name and never send a file path.
 * From the environment (`ANDES_LORA_ADAPTERS`) as JSON, e.g. `{"pirate": {"path": "pirate.gguf", "scale": 1}}`.
 * Names are letters, digits, `.`, `_` and `-`. Default: none.
 */
export const loraAdaptersConfigSchema = z
  .preprocess(
    (value, context) => {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.issues.push({
          code: 'custom',
          message: 'must be a JSON object of name → { path, scale? }',
          input: value,
        });
        return z.NEVER;
      }
    },
    z.record(
      z.string().regex(/^[\w.-]+$/, 'adapter names are letters, digits, ".", "_" and "-"'),
      loraAdapterConfigSchema,
    ),
  )
  .default({});
