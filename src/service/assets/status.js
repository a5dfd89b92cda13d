// Live counts for the status page: the service sends a server-sent event when a cue count, the lock
// or its queue changes; the page then fetches itself again and swaps its main content in, so the
// markup stays server-rendered. Without JavaScript the page still works; it just does not refresh.
(function () {
  'use strict';
  var source = document.body.getAttribute('data-events');
  if (!source || !window.EventSource) return;
  var state = document.getElementById('live-state');
  var busy = false;

  function refresh() {
    if (busy) return;
    // Leave the page alone while someone is choosing in a form.
    var active = document.activeElement;
    if (active && (active.tagName === 'SELECT' || active.tagName === 'INPUT')) return;
    busy = true;
    fetch(window.location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(new Error(String(response.status))); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('main');
        var main = document.getElementById('main');
        if (next && main) main.innerHTML = next.innerHTML;
        if (state) state.textContent = 'Updated at ' + new Date().toLocaleTimeString() + '.';
      })
      .catch(function () { if (state) state.textContent = 'Could not refresh; retrying with the next change.'; })
      .then(function () { busy = false; });
  }

  var events = new EventSource(source);
  events.addEventListener('change', refresh);
  events.addEventListener('error', function () { if (state) state.textContent = 'Live updates paused; reconnecting…'; });
  events.addEventListener('state', function () { if (state) state.textContent = 'Counts update by themselves when runs finish.'; });
})();
