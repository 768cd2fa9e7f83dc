// The Andes web UI: plain ES module, no build step. Talks only to the JSON API of this server.
// All text from the server is inserted with textContent, never as HTML.

const byId = (id) => document.getElementById(id);
const state = { collection: localStorage.getItem('andes.collection') || 'default', askController: null };

/**
 * fetch() for the API. When the server requires a key (ANDES_ADMIN_KEY), a 401 asks for it once; it is kept for
 * this tab only (sessionStorage) and sent as `Authorization: Bearer <key>`.
 */
async function apiFetch(path, options = {}) {
  const withKey = () => {
    const key = sessionStorage.getItem('andes.key');
    const headers = new Headers(options.headers);
    if (key) headers.set('Authorization', `Bearer ${key}`);
    return fetch(path, { ...options, headers });
  };
  const response = await withKey();
  if (response.status !== 401) return response;
  const key = window.prompt('This Andes server requires an API key:');
  if (!key) return response;
  sessionStorage.setItem('andes.key', key.trim());
  return withKey();
}

/** Calls the JSON API; throws an Error carrying the server's `{error: {code, message}}`. */
async function api(path, options = {}) {
  const response = await apiFetch(path, options);
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw apiError(response, body);
  return body;
}

function apiError(response, body) {
  const error = new Error(body?.error?.message ?? `HTTP ${response.status}`);
  error.code = body?.error?.code ?? 'http_error';
  error.details = body?.error?.details;
  return error;
}

function showError(error) {
  const box = byId('error');
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.hidden = false;
  box.textContent = error.message;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const collectionPath = (suffix = '') => `/api/collections/${encodeURIComponent(state.collection)}/documents${suffix}`;

// --- readiness and collections -------------------------------------------------------------------

async function refreshReadiness() {
  const badge = byId('readiness');
  const response = await fetch('/readyz').catch(() => null);
  const body = await response?.json().catch(() => null);
  const readiness = response?.ok ? body : body?.error?.details?.readiness;
  if (!response?.ok) {
    badge.textContent = 'Not ready';
    badge.dataset.state = 'down';
    return;
  }
  badge.dataset.state = 'up';
  badge.textContent = readiness?.chatModel ? `Generative · ${readiness.chatModel}` : 'Extractive (no model)';
}

async function refreshCollections() {
  const select = byId('collection-select');
  const { collections } = await api('/api/collections');
  const names = new Set(collections.map((collection) => collection.name));
  names.add(state.collection);
  select.replaceChildren();
  for (const name of [...names].sort()) {
    const info = collections.find((collection) => collection.name === name);
    const label = info ? `${name} (${info.documentCount} documents)` : `${name} (new)`;
    const option = element('option', '', label);
    option.value = name;
    option.selected = name === state.collection;
    select.append(option);
  }
}

function useCollection(name) {
  state.collection = name;
  localStorage.setItem('andes.collection', name);
  refreshCollections().catch(showError);
  refreshDocuments().catch(showError);
}

async function refreshDocuments() {
  const list = byId('documents');
  list.replaceChildren();
  let documents = [];
  try {
    ({ documents } = await api(collectionPath()));
  } catch (error) {
    if (error.code !== 'collection_not_found') throw error;
  }
  if (documents.length === 0) list.append(element('li', 'muted', 'No documents yet.'));
  for (const record of documents) {
    const item = element('li');
    item.append(element('span', 'source', record.source), element('span', 'muted', ` · ${record.chunkCount} chunks`));
    const remove = element('button', 'link', 'Delete');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Delete ${record.source}`);
    remove.addEventListener('click', () => {
      api(collectionPath(`/${encodeURIComponent(record.id)}`), { method: 'DELETE' })
        .then(() => Promise.all([refreshDocuments(), refreshCollections()]))
        .catch(showError);
    });
    item.append(remove);
    list.append(item);
  }
}

// --- upload ------------------------------------------------------------------------------------------

async function upload(event) {
  event.preventDefault();
  showError(null);
  const files = [...byId('upload-files').files, ...byId('upload-folder').files];
  if (files.length === 0) return showError(new Error('Choose one or more files first.'));
  const form = new FormData();
  // A folder upload keeps each file's path within the folder as its source.
  for (const file of files) form.append('files', file, file.webkitRelativePath || file.name);
  const results = byId('upload-results');
  results.replaceChildren(element('li', 'muted', `Uploading ${files.length} file(s)…`));
  const response = await apiFetch(collectionPath(), { method: 'POST', body: form });
  const body = await response.json().catch(() => null);
  const report = response.ok ? body : body?.error?.details?.report;
  results.replaceChildren();
  if (!response.ok && !report) throw apiError(response, body);
  for (const file of report.files) {
    const item = element('li', `status-${file.status}`);
    item.append(element('span', 'source', file.source), element('span', 'status', file.status));
    if (file.error) item.append(element('span', 'muted', file.error.message));
    results.append(item);
  }
  byId('upload-form').reset();
  await Promise.all([refreshCollections(), refreshDocuments()]);
}

// --- ask, streamed over SSE -------------------------------------------------------------------------

/** Parses a text/event-stream body, calling onEvent(name, data) for each complete event. */
async function readEventStream(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let boundary;
    while ((boundary = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

function renderAnswer(text) {
  // "[n]" markers become links to the numbered source.
  const answer = byId('answer');
  answer.replaceChildren();
  for (const part of text.split(/(\[\d+\])/)) {
    const marker = /^\[(\d+)\]$/.exec(part);
    if (!marker) {
      answer.append(document.createTextNode(part));
      continue;
    }
    const link = element('a', 'marker', part);
    link.href = `#citation-${marker[1]}`;
    answer.append(link);
  }
}

function renderCitations(citations) {
  const list = byId('citations');
  list.replaceChildren();
  for (const citation of citations) {
    const item = element('li');
    item.id = `citation-${citation.n}`;
    item.value = citation.n;
    const where = [citation.source, ...(citation.headingPath ?? [])].join(' › ');
    const page = citation.page ? ` (page ${citation.page})` : '';
    item.append(element('p', 'source', `${where}${page}`), element('blockquote', 'passage', citation.text));
    list.append(item);
  }
}

async function ask(event) {
  event.preventDefault();
  showError(null);
  const question = byId('question').value.trim();
  if (!question) return;
  const controller = new AbortController();
  state.askController = controller;
  byId('ask-button').disabled = true;
  byId('stop-button').disabled = false;
  byId('answer-box').hidden = false;
  byId('answer-mode').textContent = 'Answering…';
  byId('citations').replaceChildren();
  const answer = byId('answer');
  answer.textContent = '';
  answer.setAttribute('aria-busy', 'true');
  try {
    const response = await apiFetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question, collection: state.collection }),
      signal: controller.signal,
    });
    if (!response.ok) throw apiError(response, await response.json().catch(() => null));
    await readEventStream(response.body, (name, data) => {
      if (name === 'token') answer.append(document.createTextNode(data.text));
      else if (name === 'done') {
        byId('answer-mode').textContent =
          data.mode === 'generative' ? 'Generated answer' : 'Most relevant passages (extractive)';
        renderAnswer(data.answer);
        renderCitations(data.citations);
      } else if (name === 'error') throw new Error(data.message);
    });
  } catch (error) {
    if (error.name === 'AbortError') byId('answer-mode').textContent = 'Stopped';
    else {
      byId('answer-mode').textContent = 'Failed';
      showError(error);
    }
  } finally {
    answer.setAttribute('aria-busy', 'false');
    byId('ask-button').disabled = false;
    byId('stop-button').disabled = true;
    state.askController = null;
  }
}

// --- search ------------------------------------------------------------------------------------------

async function search(event) {
  event.preventDefault();
  showError(null);
  const parameters = new URLSearchParams({
    collection: state.collection,
    q: byId('search-query').value,
    k: byId('search-k').value || '10',
  });
  const { hits } = await api(`/api/search?${parameters}`);
  const list = byId('hits');
  list.replaceChildren();
  if (hits.length === 0) list.append(element('li', 'muted', 'No matches.'));
  for (const hit of hits) {
    const item = element('li');
    const where = [hit.source, ...(hit.headingPath ?? [])].join(' › ');
    item.append(
      element('p', 'source', where),
      element('p', 'muted', `score ${hit.score.toFixed(3)}`),
      element('blockquote', 'passage', hit.text),
    );
    list.append(item);
  }
}

// --- wiring --------------------------------------------------------------------------------------------

const reportErrors = (handler) => (event) => handler(event).catch(showError);

byId('collection-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = byId('new-collection').value.trim();
  byId('new-collection').value = '';
  useCollection(name || byId('collection-select').value);
});
byId('collection-select').addEventListener('change', (event) => useCollection(event.target.value));
byId('upload-form').addEventListener('submit', reportErrors(upload));
byId('ask-form').addEventListener('submit', reportErrors(ask));
byId('search-form').addEventListener('submit', reportErrors(search));
byId('stop-button').addEventListener('click', () => state.askController?.abort());
byId('question').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) byId('ask-form').requestSubmit();
});

refreshReadiness();
refreshCollections().catch(showError);
refreshDocuments().catch(showError);
