import { AndesError } from '@andes-rag/core';

/** The `not_found` error for a model name the service does not serve; `details.model` names it. */
export function unknownModelError(model: string): AndesError {
  return new AndesError(
    'not_found',
    `The model "${model}" does not exist. Ask for the list of served models to see the names.`,
    {
      details: { model },
    },
  );
}
