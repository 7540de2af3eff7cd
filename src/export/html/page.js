// Argline's HTML page: views, pan and zoom of the figure, the details of an
// item clicked, and the story as slides. Reads the page only through the DOM
// (text is never parsed as HTML here).
(function () {
  'use strict';
  const body = document.body;
  const viewport = document.getElementById('argline-viewport');
  const svg = viewport.querySelector('svg');
  const mapTitle = document.getElementById('argline-title').textContent;
  const steps = Array.from(document.querySelectorAll('#argline-slide .step'));
  const counter = document.getElementById('argline-step-counter');
  const ITEMS = 'g.claim, g.event, g.link, g.timeline-event';

  // The key of a figure's item: `claim:ID`, `event:ID` (on the map or on the timeline), `link:ID`.
  function keyOf(group) {
    if (group.classList.contains('timeline-event')) return 'event:' + group.id.replace(/^timeline-/, '');
    return ['claim', 'event', 'link'].find(kind => group.classList.contains(kind)) + ':' + group.id;
  }
  const figureItems = Array.from(svg.querySelectorAll(ITEMS), group => ({ group, key: keyOf(group) }));

  function show(view) {
    body.dataset.view = view;
    document.querySelectorAll('nav button').forEach(button => {
      button.setAttribute('aria-pressed', String(button.dataset.show === view));
    });
    if (view === 'story') goTo(current); else { figureItems.forEach(item => item.group.classList.remove('dim', 'off')); document.title = mapTitle; }
  }

  // Pan and zoom: the figure is moved and scaled by a CSS transform.
  const view = { x: 0, y: 0, scale: 1 };
  const size = { width: svg.viewBox.baseVal.width || svg.width.baseVal.value, height: svg.viewBox.baseVal.height || svg.height.baseVal.value };
  function apply() { svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`; }
  function fit() {
    const box = viewport.getBoundingClientRect();
    view.scale = Math.min(box.width / size.width, box.height / size.height) || 1;
    view.x = (box.width - size.width * view.scale) / 2;
    view.y = 0;
    apply();
  }
  viewport.addEventListener('wheel', event => {
    event.preventDefault();
    const box = viewport.getBoundingClientRect();
    const [px, py] = [event.clientX - box.left, event.clientY - box.top];
    const factor = Math.exp(-event.deltaY * 0.0015);
    const scale = Math.min(8, Math.max(0.05, view.scale * factor));
    view.x = px - (px - view.x) * scale / view.scale;
    view.y = py - (py - view.y) * scale / view.scale;
    view.scale = scale;
    apply();
  }, { passive: false });
  let drag = null;
  viewport.addEventListener('pointerdown', event => {
    drag = { x: event.clientX, y: event.clientY, startX: view.x, startY: view.y, moved: false };
  });
  viewport.addEventListener('pointermove', event => {
    if (!drag) return;
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) { drag.moved = true; viewport.setPointerCapture(event.pointerId); viewport.classList.add('dragging'); }
    view.x = drag.startX + dx;
    view.y = drag.startY + dy;
    apply();
  });
  function endDrag() { viewport.classList.remove('dragging'); setTimeout(() => { drag = null; }, 0); }
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);

  // Details: the article of the item clicked, and the item marked on the figure.
  function select(key) {
    let found = false;
    document.querySelectorAll('aside article').forEach(article => {
      article.hidden = article.dataset.item !== key;
      found = found || !article.hidden;
    });
    document.querySelector('aside .hint').hidden = found;
    figureItems.forEach(item => item.group.classList.toggle('selected', item.key === key));
  }
  viewport.addEventListener('click', event => {
    if (drag && drag.moved) return;
    const group = event.target.closest(ITEMS);
    if (group) select(keyOf(group));
  });
  document.addEventListener('click', event => {
    const target = event.target.closest('.goto');
    if (target) select(target.dataset.item);
    const shown = event.target.closest('[data-show]');
    if (shown) show(shown.dataset.show);
    const move = event.target.closest('[data-step-move]');
    if (move) goTo(current + Number(move.dataset.stepMove));
  });

  // The story: one step at a time; the items it neither shows nor draws out dim.
  let current = 0;
  function goTo(index) {
    if (!steps.length) return;
    current = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[current];
    steps.forEach(other => { other.hidden = other !== step; });
    const lit = new Set(step.dataset.highlights.split(' ').filter(Boolean));
    const shown = new Set(step.dataset.shows.split(' ').filter(Boolean));
    figureItems.forEach(item => {
      item.group.classList.toggle('off', shown.size > 0 && !shown.has(item.key) && !lit.has(item.key));
      item.group.classList.toggle('dim', lit.size > 0 && !lit.has(item.key));
    });
    counter.textContent = `Step ${current + 1} of ${steps.length}`;
    body.dataset.step = String(current + 1);
    document.title = `${current + 1}/${steps.length} ${step.querySelector('h2').textContent} – ${mapTitle}`;
  }
  document.addEventListener('keydown', event => {
    const target = event.target.closest && event.target.closest('.goto');
    if (target && event.key === 'Enter') { select(target.dataset.item); return; }
    if (!steps.length || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { ArrowRight: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key === 'Escape' && body.dataset.view === 'story') { show('map'); return; }
    if (event.key === 'Home' || event.key === 'End') current = event.key === 'Home' ? 0 : steps.length - 1;
    else if (!(event.key in moves)) return;
    event.preventDefault();
    if (body.dataset.view !== 'story') { show('story'); return; }
    goTo(current + (moves[event.key] || 0));
  });

  document.getElementById('argline-fit').addEventListener('click', fit);
  window.addEventListener('resize', fit);
  const opened = /^#step=(\d+)$/.exec(location.hash);
  if (opened && steps.length) { current = Number(opened[1]) - 1; show('story'); } else show('map');
  fit();
}());
