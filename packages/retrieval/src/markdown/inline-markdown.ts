/**
 * The readable text of a line of inline markdown: links and images reduced to their text, emphasis and code
 * markers dropped. Used for heading paths and titles, which are shown to people and indexed.
 */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
