/**
 * Collects the blocks of text an HTML walk produces: inline text accumulates until a block boundary flushes it
 * as one paragraph with its whitespace collapsed. Blocks are joined by blank lines, consecutive list items by
 * a single line break.
 */
export class MarkdownTextWriter {
  private readonly blocks: { text: string; listItem: boolean }[] = [];
  private inline = '';
  private inListItem = false;

  /** Appends inline text to the current paragraph. */
  write(text: string): void {
    this.inline += text;
  }

  /** Ends the current paragraph, if it has any text. */
  flush(): void {
    const paragraph = this.inline.replace(/\s+/g, ' ').trim();
    this.inline = '';
    if (paragraph === '') return;
    const listItem = this.inListItem;
    this.blocks.push({ text: listItem ? `- ${paragraph}` : escapeHeadingMarker(paragraph), listItem });
    this.inListItem = false;
  }

  /** Starts a list item: the next paragraph gets the `- ` marker. */
  startListItem(): void {
    this.flush();
    this.inListItem = true;
  }

  /** Ends a list item, dropping its marker if the item had no text. */
  endListItem(): void {
    this.flush();
    this.inListItem = false;
  }

  /** Adds a finished block (a heading, a code block, a table) as it is. */
  block(text: string): void {
    this.flush();
    this.inListItem = false;
    if (text.trim() !== '') this.blocks.push({ text, listItem: false });
  }

  /** The text written so far. */
  toString(): string {
    this.flush();
    return this.blocks
      .map(
        (block, index) =>
          (index === 0 ? '' : block.listItem && this.blocks[index - 1]?.listItem ? '\n' : '\n\n') + block.text,
      )
      .join('');
  }
}

/** A paragraph that happens to start like a markdown heading (`# not a heading`) gets a backslash. */
function escapeHeadingMarker(paragraph: string): string {
  return /^#{1,6}(\s|$)/.test(paragraph) ? `\\${paragraph}` : paragraph;
}
