import type { z } from 'zod';

/** The HTTP methods the API uses. */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One route of the API as the OpenAPI document describes it, with the zod schemas the route validates with. */
export interface ApiOperation {
  method: HttpMethod;
  /** The Express path, `:name` style (`/api/collections/:name`). */
  path: string;
  /** Groups operations on the docs page: `Answers`, `Collections`, `OpenAI`… */
  tag: string;
  summary: string;
  /** The least role that may call it when keys are on. Absent for the probes and `/metrics` (no key needed). */
  role?: 'reader' | 'editor' | 'admin';
  /** Path parameters (an object schema); parameters it omits are plain strings. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body, or the text fields of a multipart upload (`multipart: true`). */
  body?: z.ZodType;
  /** The body is `multipart/form-data` with repeated `files`, plus the fields of `body`. */
  multipart?: boolean;
  /** The route also streams with `Accept: text/event-stream` (the events are listed in `summary`). */
  streams?: boolean;
  /** Success status and what it carries, e.g. `{200: 'the answer'}`; error statuses are added for every route. */
  responses: Record<number, string>;
}
