// Renders GraphQL's patientView for ?nct=NCT...; with lat, lon (and km, default 100) also the nearest open sites.
(function () {
  'use strict';

  const QUERY = `query patientView($nctId: ID!, $near: GeoRadius) {
    patientView(nctId: $nctId, near: $near) {
      nctId
      title { ...s } status { ...s } phase { ...s } participants { ...s } start { ...s } summary { ...s }
      whoCanTakePart { ageRange { ...s } sex { ...s } healthyVolunteers { ...s } }
      checklist { heading kind intro { ...s } items { position text plainText tests sources } }
      doctorQuestions { ...s } coordinatorQuestions { ...s }
      outcomes { kind measure timeFrame statement { ...s } }
      sponsor { ...s } siteCount
      nearestSites { facility status city state country distanceKm sources }
    }
  }
  fragment s on PlainStatement { text sources }`;

  const params = new URLSearchParams(window.location.search);
  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function sources(list) {
    return el('small', 'sources', 'from ' + list.join(', '));
  }

  /** A statement's text into an element, with its sources under it. */
  function statement(target, s) {
    target.textContent = '';
    if (!s) { target.textContent = '—'; return; }
    target.appendChild(el('span', 'text', s.text));
    target.appendChild(sources(s.sources));
  }

  function shortText(s) {
    return s ? s.text.split(' — ')[0] : '';
  }

  function fail(message) {
    const m = $('message');
    m.textContent = message;
    m.className = 'error';
    m.hidden = false;
  }

  function near() {
    const lat = parseFloat(params.get('lat'));
    const lon = parseFloat(params.get('lon'));
    if (Number.isNaN(lat) || Number.isNaN(lon)) return null;
    const km = parseFloat(params.get('km'));
    return { latitude: lat, longitude: lon, km: Number.isNaN(km) ? 100 : km };
  }

  function checklist(sections) {
    const container = $('checklist');
    sections.forEach((section) => {
      const block = el('div', 'checklist-section');
      block.appendChild(el('h3', null, section.heading || 'Criteria'));
      const intro = el('p', 'note');
      statement(intro, section.intro);
      block.appendChild(intro);
      const table = el('table', 'checklist');
      const head = el('tr');
      head.appendChild(el('th', null, 'In plain language'));
      head.appendChild(el('th', null, 'As the registry states it'));
      table.appendChild(head);
      section.items.forEach((item) => {
        const row = el('tr', 'item');
        const plain = el('td', 'plain');
        plain.appendChild(el('span', null, '☐ ' + item.plainText));
        if (item.tests.length) plain.appendChild(el('div', 'tests', 'Needs ' + item.tests.join('; ')));
        const source = el('td', 'source', item.text);
        source.appendChild(sources(item.sources));
        row.appendChild(plain);
        row.appendChild(source);
        table.appendChild(row);
      });
      block.appendChild(table);
      container.appendChild(block);
    });
  }

  function list(target, statements) {
    statements.forEach((s) => {
      const li = el('li');
      statement(li, s);
      target.appendChild(li);
    });
  }

  function render(v) {
    document.title = v.title.text + ' (' + v.nctId + ') — TrialGraph';
    $('status').textContent = shortText(v.status);
    $('status').title = v.status.text;
    $('phase').textContent = shortText(v.phase);
    $('phase').title = v.phase.text;
    statement($('title'), v.title);
    $('participants').textContent = v.participants.text;
    $('start').textContent = v.start.text;
    if (v.summary) statement($('summary'), v.summary); else $('summary-section').hidden = true;
    statement($('age'), v.whoCanTakePart.ageRange);
    statement($('sex'), v.whoCanTakePart.sex);
    statement($('healthy'), v.whoCanTakePart.healthyVolunteers);
    checklist(v.checklist);
    list($('doctor-questions'), v.doctorQuestions);
    list($('coordinator-questions'), v.coordinatorQuestions);
    v.outcomes.forEach((o) => {
      const li = el('li', 'outcome');
      li.appendChild(el('strong', 'measure', o.measure));
      if (o.timeFrame) li.appendChild(el('div', 'timeframe', 'Timeframe: ' + o.timeFrame));
      li.appendChild(el('div', 'note', (o.kind === 'PRIMARY' ? 'Primary' : o.kind === 'SECONDARY' ? 'Secondary' : 'Other') + ' outcome'));
      li.appendChild(sources(o.statement.sources));
      $('outcomes').appendChild(li);
    });
    $('nct-id').textContent = v.nctId;
    statement($('sponsor'), v.sponsor);
    $('site-count').textContent = String(v.siteCount);
    if (near()) {
      $('sites-section').hidden = false;
      if (!v.nearestSites.length) $('sites').appendChild(el('li', 'note', 'No open site within the distance given.'));
      v.nearestSites.forEach((s) => {
        const li = el('li', 'site');
        const place = [s.facility, s.city, s.state, s.country].filter(Boolean).join(', ');
        li.appendChild(el('span', null, place + ' — ' + s.distanceKm.toFixed(1) + ' km (' + (s.status || 'status not given') + ')'));
        li.appendChild(sources(s.sources));
        $('sites').appendChild(li);
      });
    }
    $('message').hidden = true;
    $('view').hidden = false;
  }

  const nctId = (params.get('nct') || '').trim();
  if (!nctId) {
    fail('Give a trial in the address, e.g. trial.html?nct=NCT07476027 (add &lat=..&lon=..&km=.. for nearby sites).');
    return;
  }
  fetch('graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { nctId: nctId, near: near() } })
  })
    .then((response) => response.json())
    .then((body) => {
      if (body.errors && body.errors.length) { fail(body.errors.map((e) => e.message).join('; ')); return; }
      if (!body.data || !body.data.patientView) { fail('No trial ' + nctId + ' in the graph.'); return; }
      render(body.data.patientView);
    })
    .catch((error) => fail('Could not load the trial: ' + error));
}());
