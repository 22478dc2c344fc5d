/* Sociale kaart: progressive enhancement only. The page works fully without this file.
   1. Suggestions under the search box (ARIA 1.2 combobox with a listbox).
   2. A map of the results: tiles from MAP_TILE_URL when set, otherwise a plain drawing of the wijken.
      Markers that would overlap become one marker with the numbers in its title; wijk names never overlap.
   3. After "Zoeken" (the address ends in #resultaten) the focus moves to the result count, which a screen
      reader then reads; on a wide screen the filters stand open. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  /* ---------- 1. Suggestions ---------- */

  function setupSuggestions(row) {
    var input = row.querySelector("input[type=search]");
    var url = row.getAttribute("data-kaart-suggest");
    if (!input || !url || !window.fetch) return;

    var listId = input.id + "-suggesties";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "kaart-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;
    row.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    row.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var active = -1;
    var timer = null;
    var lastAsked = "";

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === active ? "true" : "false");
      input.setAttribute("aria-activedescendant", items[active].id);
      // At 400% zoom the list opened below the screen's edge: the chosen one is brought into sight.
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(item) {
      input.value = item.textContent;
      close();
      input.focus();
    }

    function show(words) {
      list.textContent = "";
      active = -1;
      words.forEach(function (word, index) {
        var item = document.createElement("li");
        item.id = listId + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = word;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item); });
        list.appendChild(item);
      });
      if (!words.length) { close(); status.textContent = ""; return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      // At 400% zoom the list opened below the screen's edge, and typing seemed to do nothing (a walk): the
      // first suggestion is brought into sight, as long as the box it belongs to stays in sight too.
      var first = list.firstElementChild.getBoundingClientRect();
      var below = first.bottom - window.innerHeight;
      if (below > 0 && first.bottom - input.getBoundingClientRect().top <= window.innerHeight) {
        window.scrollBy(0, below);
      }
      status.textContent = words.length === 1
        ? "1 suggestie. Kies met de pijltjes omhoog en omlaag."
        : words.length + " suggesties. Kies met de pijltjes omhoog en omlaag.";
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < 2) { show([]); return; }
      if (text === lastAsked) return;
      lastAsked = text;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          // Typed on, or gone to the next field: a late answer opens nothing over it.
          if (input.value.trim() !== text || document.activeElement !== input) return;
          show((data.suggestions || []).filter(function (word) { return word.toLowerCase() !== text.toLowerCase(); }));
        })
        .catch(function () { show([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        if (open) { highlight(active + 1); event.preventDefault(); }
      } else if (event.key === "ArrowUp") {
        if (open) { highlight(active - 1); event.preventDefault(); }
      } else if (event.key === "Enter") {
        // Enter on a highlighted suggestion takes it; otherwise the form is sent as usual.
        if (open && active >= 0) { event.preventDefault(); choose(options()[active]); }
        else close();
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.clearTimeout(timer);
      lastAsked = "";
      window.setTimeout(close, 100);
    });
  }

  /* ---------- 2. Map ---------- */

  var TILE = 256;

  function project(lat, lon, zoom) {
    var scale = TILE * Math.pow(2, zoom);
    var sin = Math.sin(lat * Math.PI / 180);
    return {
      x: (lon + 180) / 360 * scale,
      y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale
    };
  }

  function svg(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function fitZoom(places, width, height, maxZoom) {
    for (var zoom = maxZoom; zoom > 1; zoom--) {
      var xs = [], ys = [];
      places.forEach(function (place) { var p = project(place.lat, place.lon, zoom); xs.push(p.x); ys.push(p.y); });
      if (Math.max.apply(null, xs) - Math.min.apply(null, xs) <= width && Math.max.apply(null, ys) - Math.min.apply(null, ys) <= height) {
        return zoom;
      }
    }
    return 1;
  }

  function exactZoom(places, width, height, maxZoom) {
    var xs = [], ys = [];
    places.forEach(function (place) { var p = project(place.lat, place.lon, 0); xs.push(p.x); ys.push(p.y); });
    var spanX = Math.max.apply(null, xs) - Math.min.apply(null, xs);
    var spanY = Math.max.apply(null, ys) - Math.min.apply(null, ys);
    var scale = Math.min(spanX ? width / spanX : Infinity, spanY ? height / spanY : Infinity);
    return isFinite(scale) ? Math.min(maxZoom, Math.log(scale) / Math.LN2) : maxZoom - 3;
  }

  function tileHref(template, zoom, x, y) {
    return template.replace("{z}", zoom).replace("{x}", x).replace("{y}", y).replace("{s}", "a");
  }

  function drawMap(figure, config) {
    var canvas = figure.querySelector("[data-kaart-map-canvas]");
    figure.hidden = false; // measure the real width before drawing
    var width = Math.max(280, Math.min(canvas.clientWidth || figure.clientWidth || 640, 900));
    var height = Math.round(Math.min(400, Math.max(240, width * 0.6)));
    var useTiles = Boolean(config.tileUrl);
    var margin = useTiles ? 32 : 56; // the plain drawing needs room for the wijk names under their circles

    var places = config.points.slice();
    if (config.origin) places.push(config.origin);
    var outline = useTiles ? places : places.concat(config.wijken);
    // Tiles come in whole zoom levels; the plain drawing may use any scale, so it fills the frame.
    var zoom = useTiles
      ? fitZoom(outline, width - 2 * margin, height - 2 * margin, 16)
      : exactZoom(outline, width - 2 * margin, height - 2 * margin, 17);

    var xs = [], ys = [];
    outline.forEach(function (place) { var p = project(place.lat, place.lon, zoom); xs.push(p.x); ys.push(p.y); });
    var centreX = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
    var centreY = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
    var left = centreX - width / 2, top = centreY - height / 2;
    function at(place) { var p = project(place.lat, place.lon, zoom); return { x: p.x - left, y: p.y - top }; }

    // How many of the page's results it shows: results without a place are not on it ("Kaart met 1
    // resultaat" under "7 resultaten" was heard as a contradiction, on a walk with a screen reader).
    var shown = config.points.length, onPage = config.onPage;
    var label = shown < onPage
      ? "Kaart met " + shown + " van de " + onPage + " resultaten op deze pagina."
      : shown === 1 ? "Kaart met het resultaat op deze pagina." : "Kaart met de " + shown + " resultaten op deze pagina.";
    var root = svg("svg", {
      viewBox: "0 0 " + width + " " + height, width: width, height: height,
      role: "img", "aria-label": label + " Dezelfde informatie staat in de lijst.",
      "data-kaart-mode": useTiles ? "tiles" : "fallback"
    });
    // Points closer than a marker's width share one marker: "3" alone, or "3+" with all numbers in its title.
    var groups = clusters(config.points.map(function (point) { return { point: point, at: at(point) }; }), 30);
    function markerRadius(group) { return group.members.length === 1 ? 11 : 14; }
    function around(p, r) { return { left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r }; }
    var origin = config.origin ? at(config.origin) : null;
    // The postcode: a red diamond. Under a marker (the nearest help is often at the same spot) it is drawn
    // larger, behind it, so the marker's number stays readable and the diamond shows around it.
    function diamond(size) {
      svg("path", { d: "M" + origin.x + " " + (origin.y - size) + " l" + size + " " + size + " l-" + size + " " + size +
        " l-" + size + " -" + size + " z", "class": "kaart-map__origin" }, root);
    }
    var DIAMOND = 9, DIAMOND_AROUND_A_MARKER = 24; // half its width: more than the largest marker's radius, 14
    var underMarker = origin && groups.some(function (group) {
      var dx = group.at.x - origin.x, dy = group.at.y - origin.y, reach = markerRadius(group) + DIAMOND;
      return dx * dx + dy * dy < reach * reach;
    });
    var originSize = underMarker ? DIAMOND_AROUND_A_MARKER : DIAMOND;

    if (useTiles) {
      var count = Math.pow(2, zoom);
      for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
        for (var ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
          if (ty < 0 || ty >= count) continue;
          var wrapped = ((tx % count) + count) % count;
          svg("image", {
            href: tileHref(config.tileUrl, zoom, wrapped, ty), x: tx * TILE - left, y: ty * TILE - top,
            width: TILE, height: TILE, "class": "kaart-map__tile"
          }, root);
        }
      }
    } else {
      // No tiles configured: the wijken as soft circles around their centres, named.
      var radius = Math.max(18, Math.min(width, height) / 10);
      // The markers and the postcode are drawn over the names: a name goes only where none of them covers it.
      var taken = groups.map(function (group) { return around(group.at, markerRadius(group) + 1); }); // + edge
      if (origin) taken.push(around(origin, originSize + 2));
      config.wijken.forEach(function (wijk) {
        var p = at(wijk);
        svg("circle", { cx: p.x, cy: p.y, r: radius, "class": "kaart-map__wijk", "data-wijk": wijk.name }, root);
      });
      // A name on another wijk's circle named the wrong one (a walk read "Centrum" on Oude Haven's).
      function onAnotherCircle(box, own) {
        return config.wijken.some(function (wijk) {
          if (wijk === own) return false;
          var c = at(wijk);
          var dx = Math.max(box.left - c.x, 0, c.x - box.right), dy = Math.max(box.top - c.y, 0, c.y - box.bottom);
          return dx * dx + dy * dy < radius * radius;
        });
      }
      // Each name below its circle, else above it, else beside it, else on it, else left out: names never
      // cover each other, a marker or another wijk's circle.
      config.wijken.forEach(function (wijk) {
        var p = at(wijk);
        var half = wijk.name.length * 4 + 4;
        var spots = [
          { x: p.x, y: p.y + radius + 14, anchor: "middle", centre: p.x },
          { x: p.x, y: p.y - radius - 6, anchor: "middle", centre: p.x },
          { x: p.x + radius + 4, y: p.y + 4, anchor: "start", centre: p.x + radius + half },
          { x: p.x - radius - 4, y: p.y + 4, anchor: "end", centre: p.x - radius - half },
          { x: p.x, y: p.y + 4, anchor: "middle", centre: p.x }
        ];
        for (var i = 0; i < spots.length; i++) {
          var spot = spots[i];
          var box = { left: spot.centre - half, right: spot.centre + half, top: spot.y - 13, bottom: spot.y + 3 };
          var free = box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height &&
            !onAnotherCircle(box, wijk) &&
            taken.every(function (other) {
              return box.right < other.left || box.left > other.right || box.bottom < other.top || box.top > other.bottom;
            });
          if (free) {
            taken.push(box);
            var text = svg("text", { x: spot.x, y: spot.y, "text-anchor": spot.anchor, "class": "kaart-map__wijk-label" }, root);
            text.textContent = wijk.name;
            break;
          }
        }
      });
    }

    if (underMarker) diamond(originSize);

    groups.slice()
      .reverse()
      .forEach(function (group) {
        var p = group.at;
        var first = group.members[0];
        var text = group.members.length === 1 ? String(first.n) : first.n + "+";
        var marker = svg("g", { "class": "kaart-map__point" + (group.members.length > 1 ? " kaart-map__point--group" : "") }, root);
        svg("circle", { cx: p.x, cy: p.y, r: markerRadius(group), "class": "kaart-map__marker" }, marker);
        var number = svg("text", { x: p.x, y: p.y + 4, "text-anchor": "middle", "class": "kaart-map__marker-label" }, marker);
        number.textContent = text;
        var title = svg("title", {}, marker);
        title.textContent = group.members.map(function (point) { return point.n + ". " + point.name; }).join("; ");
      });

    if (origin && !underMarker) diamond(originSize);
    var groupsExplained = figure.querySelector("[data-kaart-map-groups]");
    if (groupsExplained) groupsExplained.hidden = !groups.some(function (group) { return group.members.length > 1; });
    canvas.textContent = "";
    canvas.appendChild(root);
    if (useTiles && config.attribution) {
      var credit = document.createElement("p");
      credit.className = "kaart-map__attribution";
      credit.textContent = config.attribution;
      canvas.parentNode.insertBefore(credit, canvas.nextSibling);
    }
    figure.hidden = false;
    var link = document.querySelector("[data-kaart-map-link]");
    if (link) link.hidden = false;
  }

  function clusters(items, distance) {
    // Greedy: each point joins the first group whose centre is near enough, in the list's order.
    var groups = [];
    items.forEach(function (item) {
      for (var i = 0; i < groups.length; i++) {
        var dx = groups[i].at.x - item.at.x, dy = groups[i].at.y - item.at.y;
        if (dx * dx + dy * dy < distance * distance) { groups[i].members.push(item.point); return; }
      }
      groups.push({ at: item.at, members: [item.point] });
    });
    return groups;
  }

  function setupMap() {
    var figure = document.querySelector("[data-kaart-map]");
    var data = document.getElementById("kaart-map-data");
    if (!figure || !data) return;
    try {
      var config = JSON.parse(data.textContent);
      if (config && config.points && config.points.length) drawMap(figure, config);
    } catch (error) {
      figure.hidden = true; // the list below has everything
    }
  }

  /* ---------- 3. Landing on the results, filters ---------- */

  // The focus on `element` now, and again once the page has loaded: the browser then moves it to the
  // address's target itself.
  function focusNowAndOnLoad(element, preventScroll) {
    var focus = function () { element.focus({ preventScroll: preventScroll }); };
    focus();
    window.addEventListener("load", function () { window.setTimeout(focus, 0); });
  }

  function setupResults() {
    // Before a result opens, this page's address names it: the browser's Back (which may load the page anew)
    // then lands on that result, as "Terug naar de resultaten" does, and not on the count far above it where
    // the next Tab started again (a keyboard walk).
    document.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;  // a new tab
      var link = event.target.closest && event.target.closest(".kaart-result__title a");
      var result = link && link.closest(".kaart-result");
      if (result && window.history.replaceState) window.history.replaceState(window.history.state, "", "#" + result.id);
    });
    var filters = document.querySelector("[data-kaart-filters]");
    if (filters && window.matchMedia && window.matchMedia("(min-width: 56rem)").matches) filters.open = true;
    var count = document.getElementById("resultaten");
    // Back from a result's page ("Terug naar de resultaten"): the focus on that result's link, as the page
    // scrolled to it; on the count when it is no longer on this page.
    if (count && window.location.hash.indexOf("#resultaat-") === 0) {
      var opened = document.getElementById(window.location.hash.slice(1));
      var link = opened && opened.querySelector("h3 a");
      focusNowAndOnLoad(link || count, !!link);
      return;
    }
    if (!count || window.location.hash !== "#resultaten") return;
    // A mistake in the form comes first: the results below it are not what was asked for.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      focusNowAndOnLoad(summary, false);
      return;
    }
    // Read out once, as it gets the focus (a live region that said it again was heard twice).
    count.focus({ preventScroll: false });
  }

  function start() {
    var rows = document.querySelectorAll("[data-kaart-suggest]");
    for (var i = 0; i < rows.length; i++) setupSuggestions(rows[i]);
    setupMap();
    setupResults();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
