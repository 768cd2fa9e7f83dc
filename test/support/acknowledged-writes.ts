import type { DocumentRecord } from '@andes-rag/core';
import { generatedWrite, type GeneratedWrite } from './generated-documents.js';
import type { KilledRun } from './killed-child.js';

/**
 * What the durability test knows was acknowledged: the latest acknowledged version of each document, the versions
 * later replaced, and the one write that was in flight when the child was killed (it may or may not have landed).
 */
export class AcknowledgedWrites {
  private readonly latest = new Map<number, GeneratedWrite>();
  /** Acknowledged versions replaced by a later acknowledged write: their words must not be findable. */
  readonly superseded: GeneratedWrite[] = [];
  /** The write begun but not acknowledged when the child was killed. */
  inFlight: GeneratedWrite | undefined;

  /** Takes in what a killed run printed. */
  record(run: KilledRun): void {
    for (const operation of run.acknowledged) this.accept(generatedWrite(operation));
    const last = run.begun.at(-1);
    this.inFlight = last !== undefined && !run.acknowledged.includes(last) ? generatedWrite(last) : undefined;
  }

  /**
   * Settles the in-flight write from what the store holds: if it landed, it is now the document's version like an
   * acknowledged one. Returns the stored document that matches no allowed version, if any.
   */
  settle(stored: ReadonlyMap<string, DocumentRecord>): string[] {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    if (inFlight && stored.get(inFlight.source)?.contentHash === inFlight.contentHash) this.accept(inFlight);
    const known = new Map([...this.latest.values()].map((write) => [write.source, write.contentHash]));
    return [...stored.values()]
      .filter((document) => known.get(document.source) !== document.contentHash)
      .map((document) => `${document.source} holds ${document.contentHash}, expected ${known.get(document.source)}`);
  }

  /** The latest acknowledged (or landed) version of every document. */
  latestWrites(): GeneratedWrite[] {
    return [...this.latest.values()];
  }

  private accept(write: GeneratedWrite): void {
    const previous = this.latest.get(write.documentIndex);
    if (previous) this.superseded.push(previous);
    this.latest.set(write.documentIndex, write);
  }
}
