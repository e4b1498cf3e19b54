// Comforts for browsers that run JavaScript. Every page works without this file.
(function () {
  "use strict";

  // Copy buttons beside citations: the citation text stays selectable without them.
  function addCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("[data-copy-label]").forEach(function (source) {
      if (source.nextElementSibling && source.nextElementSibling.classList.contains("copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", source.getAttribute("data-copy-label"));
      var status = document.createElement("span");
      status.className = "copied";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          status.textContent = "Copied";
          setTimeout(function () { status.textContent = ""; }, 4000);
        }, function () {
          // Without clipboard permission, select the text so that Ctrl+C copies it.
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = "Selected: press Ctrl+C to copy";
        });
      });
      source.insertAdjacentElement("afterend", button);
      button.insertAdjacentElement("afterend", status);
    });
  }

  // Search without reloading the page: facet, filter, page, timeline and suggestion links,
  // and the forms, fetch the same URL and swap in its results; the address bar follows.
  var region = document.getElementById("search-region");
  var shown = window.location.pathname + window.location.search;
  var announcer = document.getElementById("announcer");

  function announce() {
    if (!announcer) return;
    var count = document.getElementById("result-count");
    var chips = Array.prototype.map.call(document.querySelectorAll(".applied .chip"), function (chip) {
      return chip.textContent.replace("×", "").replace("(remove)", "").trim();
    });
    var text = count ? count.textContent.trim() + "." : "";
    text += chips.length ? " Filters: " + chips.join("; ") + "." : " No filters.";
    announcer.textContent = "";
    // A fresh text node after a pause makes screen readers speak it even if unchanged.
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // The search box is outside the swapped region: its hidden inputs carry the filters, so they
  // are taken from the fresh page, or a search after an in-place change would use stale ones.
  function refreshHidden(fresh) {
    var own = document.querySelector("form.query");
    var theirs = fresh.querySelector("form.query");
    if (!own || !theirs) return;
    own.querySelectorAll('input[type="hidden"]').forEach(function (input) { input.remove(); });
    var button = own.querySelector('button[type="submit"]');
    theirs.querySelectorAll('input[type="hidden"]').forEach(function (input) {
      button.parentNode.insertBefore(document.importNode(input, true), button);
    });
  }

  function load(url, push, focusKey) {
    return fetch(url, { headers: { Accept: "text/html" } }).then(function (response) {
      // A 400 with results is a search kept with one field marked (an amount it could not read).
      if (!response.ok && response.status !== 400) throw new Error("status " + response.status);
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var fresh = page.getElementById("search-region");
      if (!fresh) throw new Error("no results in the answer");
      region.innerHTML = fresh.innerHTML;
      document.title = page.title;
      var query = page.getElementById("q");
      if (query) document.getElementById("q").value = query.value;
      refreshHidden(page);
      if (push) history.pushState({ url: url }, "", url);
      shown = window.location.pathname + window.location.search;
      var again = focusKey && region.querySelector('[data-key="' + CSS.escape(focusKey) + '"]');
      var target = again ? (again.closest("a") || again) : document.getElementById("result-count");
      if (target) target.focus();
      announce();
    }).catch(function () {
      window.location.href = url; // fall back to an ordinary page load
    });
  }

  if (region && window.fetch && window.history && window.DOMParser) {
    region.addEventListener("click", function (event) {
      var link = event.target.closest("a[href]");
      if (!link || link.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      var url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname !== "/") return;
      if (url.hash && url.search === window.location.search) {
        // A link within the page (to the filters): the browser jumps, and focus goes along.
        var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
        if (target) setTimeout(function () { target.focus(); }, 0);
        return;
      }
      event.preventDefault();
      var key = link.querySelector("[data-key]");
      load(url.pathname + url.search, true, key ? key.getAttribute("data-key") : link.getAttribute("data-key"));
    });
    region.addEventListener("submit", function (event) {
      var form = event.target;
      if (form.method.toLowerCase() !== "get") return;
      event.preventDefault();
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (name) { if (!params.get(name)) params.delete(name); });
      var search = params.toString();
      load("/" + (search ? "?" + search : ""), true, null);
    });
    window.addEventListener("popstate", function () {
      var wanted = window.location.pathname + window.location.search;
      // A skip link or other #fragment also fires popstate: only a new search is loaded.
      if (wanted === shown) return;
      load(wanted, false, null);
    });
  }

  addCopyButtons(document);
})();
