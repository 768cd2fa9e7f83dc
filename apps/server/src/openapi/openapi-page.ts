import type { OpenApiDocument } from './openapi-document.js';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] as string);
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
}

/**
 * The OpenAPI document as one readable HTML page: operations grouped by tag, each with its parameters and request
 * body schema. Static markup only (no script, no inline style), so the server's strict CSP applies unchanged.
 */
export function openApiPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const operation = value as Operation;
      const tag = operation.tags?.[0] ?? 'Other';
      const parameters = (operation.parameters ?? [])
        .map(
          (parameter) =>
            `<li><code>${escapeHtml(parameter.name)}</code> (${parameter.in}${parameter.required ? ', required' : ''}): ` +
            `<code>${escapeHtml(JSON.stringify(parameter.schema))}</code></li>`,
        )
        .join('');
      const bodies = Object.entries(operation.requestBody?.content ?? {})
        .map(
          ([mediaType, { schema }]) =>
            `<p>Body (${escapeHtml(mediaType)}):</p><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`,
        )
        .join('');
      const section =
        `<section><h3><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>` +
        `<p>${escapeHtml(operation.description ?? operation.summary ?? '')}</p>` +
        (parameters ? `<ul>${parameters}</ul>` : '') +
        bodies +
        '</section>';
      byTag.set(tag, [...(byTag.get(tag) ?? []), section]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, operations]) => `<h2>${escapeHtml(tag)}</h2>${operations.join('')}`)
    .join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(document.info.title)}</title></head><body><main>` +
    `<h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1>` +
    `<p>${escapeHtml(document.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>` +
    `${sections}</main></body></html>`
  );
}
