/** A function the model may call; the caller runs it and sends its result back in the next request. */
export interface ToolDefinition {
  /** The function's name, as the model writes it in a call. */
  name: string;
  /** What the function does, shown to the model. Default: none. */
  description?: string;
  /** A JSON schema of the call's arguments (an object). Default: no arguments. */
  parameters?: Readonly<Record<string, unknown>>;
}

/**
 * Whether and which tool the model must call: `auto` lets it choose between answering and calling (through the
 * chat template's own function-call syntax), `none` hides the tools, `required` makes it call one of them, and
 * `{ name }` makes it call that one (both constrained by a grammar made from the tools' schemas).
 */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** One call the model made, or (in a chat's history) made earlier together with its result. */
export interface ToolCall {
  /** An id that ties the call to its result, e.g. OpenAI's `call_…`. */
  id: string;
  /** The tool's name. */
  name: string;
  /** The arguments as a JSON text. */
  arguments: string;
  /** In a chat's history: what the caller's tool returned (as text). Absent on a new call. */
  result?: string;
}
