// CompactQA's page: asks /api/qa and /api/search and shows answers with their evidence.
// Every text from the index or the user enters the page as a text node, never as markup.
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

// --- tabs: arrow keys move between them, as the ARIA tabs pattern asks
const tabs = [$('tab-ask'), $('tab-search')];
function select(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}
tabs.forEach((t, i) => {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
    }
  });
});

// --- errors a person understands
async function problem(response) {
  let detail = '';
  try {
    const body = await response.json();
    detail = body.detail || body.title || '';
    if (body.field) detail = `${body.field}: ${detail}`;
  } catch (e) { /* not problem+json */ }
  if (response.status === 503) {
    const wait = response.headers.get('Retry-After');
    return `The service is busy${wait ? `; try again in ${wait} s` : '; try again shortly'}. ${detail}`.trim();
  }
  if (response.status === 400 || response.status === 422 || response.status === 413) {
    return `The request was not accepted: ${detail || response.statusText}`;
  }
  return `Something went wrong (HTTP ${response.status}). ${detail}`.trim();
}

function showError(id, message) {
  const box = $(id);
  box.textContent = message;
  box.hidden = !message;
}

function intOrNull(id) {
  const v = $(id).value.trim();
  return v === '' ? null : Number(v);
}

// "title\ntext\n\ntitle\ntext" -> [{id, title, text}]
function ownDocuments() {
  const raw = $('own-documents').value.trim();
  if (!raw) return null;
  return raw.split(/\n\s*\n/).map((block, i) => {
    const lines = block.trim().split('\n');
    const title = lines.length > 1 ? lines[0].trim() : '';
    const text = (lines.length > 1 ? lines.slice(1).join(' ') : lines[0]).trim();
    return { id: `doc-${i + 1}`, title, text };
  });
}

// --- ask
$('ask-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('ask-error', '');
  for (const id of ['answer-card', 'evidence', 'trace']) $(id).hidden = true;
  const question = $('question').value.trim();
  if (!question) {
    showError('ask-error', 'Please type a question first.');
    $('question').focus();
    return;
  }
  const body = { question };
  const options = { k: 'opt-k', segmentSize: 'opt-segment', maxSteps: 'opt-steps', budgetTokens: 'opt-budget' };
  for (const [field, id] of Object.entries(options)) {
    const v = intOrNull(id);
    if (v !== null) body[field] = v;
  }
  const documents = ownDocuments();
  if (documents) body.documents = documents;
  $('ask-status').textContent = 'Reading…';
  $('ask-button').disabled = true;
  try {
    const response = await fetch('/api/qa', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
    });
    if (!response.ok) {
      showError('ask-error', await problem(response));
      $('ask-status').textContent = '';
      return;
    }
    const answer = await response.json();
    await showAnswer(answer, documents);
    $('ask-status').textContent = `Answered in ${Math.round(answer.trace.totalMs)} ms.`;
  } catch (e) {
    showError('ask-error', 'The service could not be reached. Is it running?');
    $('ask-status').textContent = '';
  } finally {
    $('ask-button').disabled = false;
  }
});

async function showAnswer(answer, ownDocs) {
  const text = answer.type === 'none'
    ? 'No answer: nothing read was convincing enough.' : answer.answer;
  $('answer-text').textContent = text;
  $('answer-type').textContent = answer.type;
  $('answer-confidence').textContent = `${(answer.confidence * 100).toFixed(1)}%`;
  const t = answer.trace;
  const rate = t.evidenceTokens > 0 ? (t.documentTokens / t.evidenceTokens) : 0;
  $('answer-compression').textContent = t.evidenceTokens > 0
    ? `${t.documentTokens} tokens read, ${t.evidenceTokens} kept (${rate.toFixed(1)}x)` : `${t.documentTokens} tokens read`;
  const share = t.documentTokens > 0 ? Math.min(100, 100 * t.evidenceTokens / t.documentTokens) : 0;
  $('compression-chart').firstElementChild.style.width = `${share}%`;
  // the card, its evidence and the trace appear together, once the paragraphs are fetched
  await showEvidence(answer.evidence, ownDocs);
  showTrace(t);
  $('answer-card').hidden = false;
}

async function paragraph(id, ownDocs) {
  if (ownDocs) return ownDocs.find((d) => d.id === id) || null;
  const response = await fetch(`/api/documents/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

// the paragraph's text with the kept sentences (character offsets) in <mark>
function highlighted(text, sentences) {
  const out = el('p');
  let at = 0;
  for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > text.length) continue;
    out.append(text.slice(at, s.start), el('mark', { title: `score ${s.score.toFixed(2)}` }, text.slice(s.start, s.end)));
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}

async function showEvidence(evidence, ownDocs) {
  const list = $('evidence-list');
  list.replaceChildren();
  const byDoc = new Map();
  for (const s of evidence) {
    if (!byDoc.has(s.documentId)) byDoc.set(s.documentId, []);
    byDoc.get(s.documentId).push(s);
  }
  for (const [id, sentences] of byDoc) {
    const first = sentences[0];
    const doc = await paragraph(id, ownDocs);
    const body = doc ? highlighted(doc.text, sentences) : el('p', {}, ...sentences.map((s) => el('mark', {}, s.text, ' ')));
    list.append(el('div', { class: 'paragraph' },
      el('h3', {}, first.title || id, ' ', el('span', { class: 'rank' }, `(rank ${first.rank})`)), body));
  }
  $('evidence').hidden = evidence.length === 0;
}

function showTrace(t) {
  const steps = $('trace-steps');
  steps.replaceChildren();
  for (const s of t.steps) {
    const kept = s.kept.map((k) => k.title || k.documentId);
    steps.append(el('li', {},
      el('strong', {}, `Step ${s.step}: `), `read ${s.documents.length} paragraph(s), kept ${s.kept.length} sentence(s)`,
      kept.length ? ` (from ${[...new Set(kept)].join(', ')})` : '', '; ',
      el('span', { class: 'dropped' }, `${s.belowThreshold} below the threshold, ${s.dropped.length} over the budget`),
      `; sufficiency ${(s.sufficiency * 100).toFixed(0)}%; ${s.tokensIn} → ${s.tokensOut} tokens; ${Math.round(s.millis)} ms`));
  }
  const notes = [];
  if (t.stoppedEarly) notes.push('stopped early: the evidence was judged sufficient');
  if (t.fallback) notes.push(`no sentence reached the threshold, so the best one was read: “${t.fallback.text}”`);
  $('trace-times').textContent = [`retrieval ${Math.round(t.retrievalMs)} ms, compression ${Math.round(t.compressionMs)} ms, `
    + `reader ${Math.round(t.readerMs)} ms, total ${Math.round(t.totalMs)} ms`, ...notes].join('. ');
  $('trace').hidden = false;
}

// --- search: the snippet is HTML-escaped by the service with terms in <b>; only those survive here
function snippet(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out = el('p');
  for (const node of doc.body.firstChild.childNodes) {
    out.append(node.nodeName === 'B' ? el('b', {}, node.textContent) : node.textContent);
  }
  return out;
}

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('search-error', '');
  const results = $('search-results');
  results.replaceChildren();
  const q = $('query').value.trim();
  if (!q) {
    showError('search-error', 'Please type something to search for.');
    return;
  }
  try {
    const response = await fetch(`/api/search?q=${encodeURIComponent(q)}&k=10`, { headers: { accept: 'application/json' } });
    if (!response.ok) {
      showError('search-error', await problem(response));
      return;
    }
    const r = await response.json();
    $('search-status').textContent = `${r.totalHits} paragraphs matched; the best ${r.results.length} in ${r.tookMs.toFixed(1)} ms.`;
    for (const hit of r.results) {
      results.append(el('li', {}, el('span', { class: 'title' }, hit.title || hit.id), ` (score ${hit.score.toFixed(2)})`,
        snippet(hit.snippet)));
    }
  } catch (e) {
    showError('search-error', 'The service could not be reached. Is it running?');
  }
});
