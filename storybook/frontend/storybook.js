// The storybook's front end: one script for two pages.
//
// * The preview page (body[data-storybook-page="preview"]), loaded in the frame:
//   redirects HTMX requests to the story's stubs, sets
//   <html data-story-ready="true"> once fonts, Alpine and HTMX have settled, and
//   tells the storybook page what it rendered (HTML, usage, validation problems).
// * The storybook page (body[data-storybook-page="ui"]): sidebar, toolbar,
//   controls, tabs and deep links. Plain DOM code, no inline script or style,
//   so it runs under the cabinet's strict Content-Security-Policy.
//
// Data arrives through json_script elements only.

(function () {
  "use strict";

  function readJson(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // ---------------------------------------------------------------- preview page

  const VERBS = ["get", "post", "put", "patch", "delete"];
  const VERB_SELECTOR = VERBS.map((verb) => `[hx-${verb}]`).join(", ");

  const preview = {
    inflight: 0,

    // The state is a json_script at the end of <body>: read it once the page is parsed.
    get state() {
      if (!this.cached) this.cached = readJson("storybook-preview") || { stubs: {}, problems: [] };
      return this.cached;
    },

    // The toolbar's theme: ?brand=<name> links that theme's stylesheet after the bundle.
    linkTheme(script) {
      const brand = new URLSearchParams(window.location.search).get("brand");
      if (!brand || !script) return;
      let urls = {};
      try {
        urls = JSON.parse(script.dataset.themes || "{}");
      } catch (error) {
        urls = {};
      }
      if (!Object.prototype.hasOwnProperty.call(urls, brand)) return;
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = urls[brand];
      document.head.append(link);
    },

    start(script) {
      this.linkTheme(script);
      this.guardBlobs();
      document.addEventListener("click", (event) => this.checkTarget(event), true);
      document.addEventListener("htmx:configRequest", (event) => this.redirect(event));
      document.addEventListener("htmx:beforeRequest", () => {
        this.inflight += 1;
      });
      const done = () => {
        this.inflight = Math.max(0, this.inflight - 1);
      };
      document.addEventListener("htmx:afterRequest", done);
      document.addEventListener("htmx:sendAbort", done);
      this.waitUntilReady();
    },

    // Stub map keys are the URLs in the story's payload; compare without the origin.
    stubFor(path) {
      const stubs = this.state.stubs || {};
      let url;
      try {
        url = new URL(path, window.location.href);
      } catch (error) {
        return null;
      }
      const candidates = [path, url.pathname + url.search, url.pathname, url.href];
      for (const candidate of candidates) {
        if (Object.prototype.hasOwnProperty.call(stubs, candidate)) return stubs[candidate];
      }
      return null;
    },

    // A stubbed request goes to its stub; any other is not sent (a story is not a cabinet: its
    // URLs lead nowhere, or somewhere real) and the notice says which request the server would get.
    redirect(event) {
      const target = this.stubFor(event.detail.path);
      if (!target) {
        event.preventDefault();
        this.notSent(event.detail.verb, event.detail.path, event.detail.elt, event.detail.target);
        return;
      }
      event.detail.path = this.readable(target);
      // Static hosts answer GET only; the stub is an answer, not an action.
      event.detail.verb = "get";
    },

    // A component made to live inside another (the slot picker swaps the modal content around
    // it) shown on its own: its request's target is not on the page. Stop the click before htmx
    // sees it (htmx would log a targetError) and say so instead.
    checkTarget(event) {
      const source = event.target instanceof Element ? event.target.closest(VERB_SELECTOR) : null;
      if (!source || (source.getAttribute("hx-trigger") || "click").trim().split(/[\s,[]/)[0] !== "click") return;
      const holder = source.closest("[hx-target]");
      const spec = holder ? holder.getAttribute("hx-target").trim() : "";
      if (!spec || spec === "this" || /^(next|previous)\b/.test(spec)) return;
      let found = null;
      try {
        if (spec.startsWith("closest ")) found = source.closest(spec.slice(8));
        else if (spec.startsWith("find ")) found = source.querySelector(spec.slice(5));
        else found = document.querySelector(spec);
      } catch (error) {
        return; // not a selector this check understands: htmx decides
      }
      if (found) return;
      event.stopPropagation();
      event.preventDefault();
      const verb = VERBS.find((name) => source.hasAttribute(`hx-${name}`));
      this.notSent(verb, source.getAttribute(`hx-${verb}`), source, null, spec);
    },

    // The notice is moved into an open modal dialog when the request came from one: the page
    // behind a modal is inert and under its backdrop.
    notSent(verb, path, source, target, missingTarget) {
      const notice = document.getElementById("cab-sb-request-notice");
      if (!notice) return;
      const dialog = source instanceof Element ? source.closest("dialog[open]") : null;
      (dialog || document.body).append(notice);
      notice.querySelector("[data-request]").textContent = `${String(verb).toUpperCase()} ${path}`;
      const reason = notice.querySelector("[data-reason]");
      reason.textContent = missingTarget ? reason.dataset.missingTarget : reason.dataset.noStub;
      notice.querySelector("[data-target]").textContent = missingTarget ? `hx-target="${missingTarget}"` : "";
      notice.hidden = false;
      if (!this.noticeBound) {
        this.noticeBound = true;
        notice.querySelector("button").addEventListener("click", () => {
          notice.hidden = true;
        });
      }
      // A modal opened on a URL without a stub: the host's loading state ends here (no answer comes).
      const host = target instanceof Element ? target.closest("[x-data=cabModalHost]") : null;
      if (host && window.Alpine) window.Alpine.$data(host).loading = false;
    },

    // A page opened from file:// cannot read the exported stub files: answer from the stub's
    // HTML the export embedded, as a blob: URL. Its origin ("null") is not the page's ("file://"),
    // so htmx's same-origin rule is lifted on such pages and guardBlobs() lets only these URLs through.
    readable(target) {
      const bodies = this.state.stub_bodies || {};
      if (window.location.protocol !== "file:" || !Object.prototype.hasOwnProperty.call(bodies, target)) return target;
      if (!this.blobs.has(target)) {
        this.blobs.set(target, URL.createObjectURL(new Blob([bodies[target]], { type: "text/html" })));
      }
      window.htmx.config.selfRequestsOnly = false;
      return this.blobs.get(target);
    },

    guardBlobs() {
      this.blobs = new Map();
      if (window.location.protocol !== "file:") return;
      document.addEventListener("htmx:validateUrl", (event) => {
        const ours = Array.from(this.blobs.values()).includes(event.detail.url.href);
        if (!ours) event.preventDefault();
      });
    },

    alpineSettled() {
      const roots = document.querySelectorAll("[x-data]");
      if (roots.length === 0) return true;
      if (!window.Alpine) return false;
      return Array.prototype.every.call(roots, (element) => Boolean(element._x_dataStack));
    },

    htmxSettled() {
      if (this.inflight > 0) return false;
      if (document.documentElement.dataset.cabHtmx === "loading") return false; // loaded on demand
      return !document.querySelector(".htmx-request, .htmx-settling, .htmx-swapping, .htmx-added");
    },

    async waitUntilReady() {
      if (document.readyState !== "complete") {
        await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
      }
      const started = performance.now();
      let calm = 0;
      // Settled means three checks in a row (40 ms apart) with nothing pending.
      while (calm < 3) {
        await document.fonts.ready;
        await new Promise((resolve) => setTimeout(resolve, 40));
        calm = this.alpineSettled() && this.htmxSettled() ? calm + 1 : 0;
        if (performance.now() - started > 10000) {
          document.documentElement.dataset.storyReady = "timeout";
          this.report("timeout");
          return;
        }
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      document.documentElement.dataset.storyReady = "true";
      this.report("ready");
    },

    report(status) {
      if (window.parent === window) return;
      const root = document.getElementById("story-root");
      window.parent.postMessage(
        {
          source: "cab-storybook",
          status: status,
          story: this.state.story,
          problems: this.state.problems || [],
          html: this.state.html || (root ? root.innerHTML.trim() : ""),
          usage: this.state.usage || "",
        },
        "*",
      );
    },
  };

  // ---------------------------------------------------------------- storybook page

  function base64url(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    bytes.forEach((byte) => {
      binary += String.fromCharCode(byte);
    });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(text) {
    const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach((child) => {
      if (child) node.append(child);
    });
    return node;
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, (match, name) => (name in values ? values[name] : match));
  }

  const ui = {
    start() {
      this.data = readJson("storybook-data");
      this.labels = readJson("storybook-labels") || {};
      this.stories = this.data.stories;
      this.byId = new Map(this.stories.map((story) => [story.id, story]));
      // Each story's details (controls, payload, sources, notes) load when it is first opened.
      this.loads = new Map();
      this.arrivals = new Map();
      window.cabStorybookStory = (id, details) => {
        const resolve = this.arrivals.get(id);
        this.arrivals.delete(id);
        if (resolve) resolve(details);
      };
      this.frame = document.getElementById("cab-sb-frame");
      this.state = {
        story: this.stories.length ? this.stories[0].id : "",
        theme: "light",
        brand: "default",
        viewport: "fill",
        width: 1280,
        height: 800,
        locale: this.data.default_locale,
        dir: "ltr",
        tab: "controls",
        values: {},
      };
      this.lastReport = null;
      this.buildTree();
      this.buildToolbar();
      this.buildTabs();
      this.buildTokens();
      this.showBroken();
      window.addEventListener("message", (event) => this.onMessage(event));
      window.addEventListener("hashchange", () => this.fromHash());
      this.fromHash();
    },

    // ---- deep links: #story=<id>&theme=dark&viewport=md&locale=ru&dir=rtl&tab=usage&values=<base64url>
    fromHash() {
      const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
      const state = this.state;
      const story = params.get("story");
      if (story && this.byId.has(story)) state.story = story;
      state.theme = params.get("theme") === "dark" ? "dark" : "light";
      const brand = params.get("brand");
      state.brand = brand && this.data.brands.includes(brand) ? brand : "default";
      const viewport = params.get("viewport");
      const hint = this.current() && this.current().viewport;
      if (viewport && (viewport === "custom" || this.viewport(viewport))) {
        state.viewport = viewport;
        state.width = parseInt(params.get("w"), 10) || state.width;
        state.height = parseInt(params.get("h"), 10) || state.height;
      } else if (hint) {
        // The story's preferred size (Story.viewport) when the link names none.
        state.viewport = "custom";
        state.width = hint[0];
        state.height = hint[1];
      } else {
        state.viewport = this.defaultViewport();
      }
      const locale = params.get("locale");
      state.locale = this.data.locales.includes(locale) ? locale : this.data.default_locale;
      state.dir = params.get("dir") === "rtl" ? "rtl" : "ltr";
      const tab = params.get("tab");
      state.tab = tab && document.querySelector(`[data-tab="${CSS.escape(tab)}"]`) ? tab : "controls";
      this.tokenEdits = {};
      const tokens = params.get("tokens");
      if (tokens && this.data.tokens) {
        try {
          const parsed = JSON.parse(fromBase64url(tokens));
          if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) this.tokenEdits = parsed;
        } catch (error) {
          this.tokenEdits = {};
        }
      }
      this.tokensChanged();
      state.values = {};
      const encoded = params.get("values");
      if (encoded && this.data.mode === "live") {
        try {
          state.values = JSON.parse(fromBase64url(encoded));
        } catch (error) {
          state.values = {};
        }
      }
      this.render();
    },

    toHash() {
      const state = this.state;
      const params = new URLSearchParams({ story: state.story });
      if (state.theme !== "light") params.set("theme", state.theme);
      if (state.brand !== "default") params.set("brand", state.brand);
      const hint = this.current().viewport;
      const hinted = hint && state.viewport === "custom" && state.width === hint[0] && state.height === hint[1];
      if (state.viewport !== this.defaultViewport() && !hinted) params.set("viewport", state.viewport);
      if (state.viewport === "custom" && !hinted) {
        params.set("w", String(state.width));
        params.set("h", String(state.height));
      }
      if (state.locale !== this.data.default_locale) params.set("locale", state.locale);
      if (state.dir !== "ltr") params.set("dir", state.dir);
      if (state.tab !== "controls") params.set("tab", state.tab);
      const changed = this.changedValues();
      if (changed) params.set("values", changed);
      if (this.tokenEdits && Object.keys(this.tokenEdits).length) params.set("tokens", base64url(JSON.stringify(this.tokenEdits)));
      const hash = "#" + params.toString();
      if (window.location.hash !== hash) history.replaceState(null, "", hash);
    },

    defaultViewport() {
      return "fill";
    },

    viewport(key) {
      return this.data.viewports.find((preset) => preset.key === key);
    },

    current() {
      return this.byId.get(this.state.story);
    },

    // ---- sidebar
    buildTree() {
      const tree = document.getElementById("cab-sb-tree");
      const groups = new Map();
      this.stories.forEach((story) => {
        if (!groups.has(story.component)) groups.set(story.component, []);
        groups.get(story.component).push(story);
      });
      document.getElementById("cab-sb-count").textContent = `${this.stories.length} ${this.labels.stories || ""}`;
      this.links = new Map();
      groups.forEach((stories, component) => {
        const list = element("ul", { className: "cab-sb__stories" });
        stories.forEach((story) => {
          const link = element("a", { href: `#story=${encodeURIComponent(story.id)}`, className: "cab-sb__story" }, [
            element("span", { text: story.name }),
          ]);
          if (story.status !== "stable") {
            link.append(element("span", { className: `cab-sb__pill cab-sb__pill--${story.status}`, text: this.labels[`status_${story.status}`] || story.status }));
          }
          link.dataset.search = `${component} ${story.name} ${story.tags.join(" ")}`.toLowerCase();
          link.addEventListener("click", (event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            this.selectStory(story.id);
          });
          this.links.set(story.id, link);
          list.append(element("li", {}, [link]));
        });
        const group = element("details", { className: "cab-sb__group", open: true }, [
          element("summary", {}, [element("i", { className: "bi bi-box", "aria-hidden": "true" }), element("span", { text: component })]),
          list,
        ]);
        tree.append(group);
      });
      document.getElementById("cab-sb-search").addEventListener("input", (event) => this.filter(event.target.value));
    },

    // Another story keeps the toolbar (colour mode, locale, ...) and starts from its own values.
    selectStory(id) {
      const story = this.byId.get(id);
      const changes = { story: id, values: {} };
      if (story.viewport) Object.assign(changes, { viewport: "custom", width: story.viewport[0], height: story.viewport[1] });
      else if (this.current().viewport && this.state.viewport === "custom") changes.viewport = this.defaultViewport();
      this.update(changes);
    },

    filter(text) {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      document.querySelectorAll(".cab-sb__group").forEach((group) => {
        let visible = 0;
        group.querySelectorAll(".cab-sb__story").forEach((link) => {
          const match = words.every((word) => link.dataset.search.includes(word));
          link.parentElement.hidden = !match;
          if (match) visible += 1;
        });
        group.hidden = visible === 0;
        if (words.length && visible) group.open = true;
        shown += visible;
      });
      document.getElementById("cab-sb-no-match").hidden = shown > 0;
    },

    showBroken() {
      const errors = this.data.errors || [];
      if (!errors.length) return;
      const list = document.getElementById("cab-sb-broken-list");
      errors.forEach((text) => list.append(element("li", {}, [element("code", { text: text })])));
      document.getElementById("cab-sb-broken").hidden = false;
    },

    // ---- toolbar
    buildToolbar() {
      const viewport = document.getElementById("cab-sb-viewport");
      this.data.viewports.forEach((preset) => viewport.append(element("option", { value: preset.key, text: preset.label })));
      viewport.append(element("option", { value: "custom", text: this.labels.customViewport }));
      const brand = document.getElementById("cab-sb-brand");
      this.data.brands.forEach((name) =>
        brand.append(element("option", { value: name, text: name === "default" ? this.labels.defaultTheme : name })),
      );
      const locale = document.getElementById("cab-sb-locale");
      this.data.locales.forEach((code) => locale.append(element("option", { value: code, text: code })));
      const bind = (id, handler) => document.getElementById(id).addEventListener("change", (event) => handler(event.target));
      bind("cab-sb-theme", (target) => this.update({ theme: target.value }));
      bind("cab-sb-brand", (target) => {
        this.update({ brand: target.value });
        this.tokensChanged(); // the edit now applies on top of another base theme
      });
      bind("cab-sb-viewport", (target) => this.update({ viewport: target.value }));
      bind("cab-sb-width", (target) => this.update({ viewport: "custom", width: parseInt(target.value, 10) || 1280 }));
      bind("cab-sb-height", (target) => this.update({ viewport: "custom", height: parseInt(target.value, 10) || 800 }));
      bind("cab-sb-locale", (target) => this.update({ locale: target.value }));
      bind("cab-sb-rtl", (target) => this.update({ dir: target.checked ? "rtl" : "ltr" }));
    },

    update(changes) {
      Object.assign(this.state, changes);
      this.render();
    },

    // ---- tabs (WAI-ARIA tabs: arrow keys move between them)
    buildTabs() {
      const tabs = Array.from(document.querySelectorAll("[role=tab]"));
      tabs.forEach((tab, index) => {
        tab.addEventListener("click", () => this.update({ tab: tab.dataset.tab }));
        tab.addEventListener("keydown", (event) => {
          const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
          if (!step) return;
          const next = tabs[(index + step + tabs.length) % tabs.length];
          next.focus();
          this.update({ tab: next.dataset.tab });
        });
      });
      document.getElementById("cab-sb-axe-run").addEventListener("click", () => this.runAxe());
    },

    showTab() {
      document.querySelectorAll("[role=tab]").forEach((tab) => {
        const selected = tab.dataset.tab === this.state.tab;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
        document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
      });
    },

    // ---- token panel: edits on top of the toolbar's theme, checked by the server (storybook/tokens.py)
    buildTokens() {
      this.tokenEdits = this.tokenEdits || {};
      this.tokenInputs = new Map();
      this.tokenSeq = 0;
      this.tokenResult = null;
      const config = this.data.tokens;
      const pane = document.getElementById("cab-sb-pane-tokens");
      if (!config) {
        document.getElementById("cab-sb-tokens-intro").textContent = this.labels.tokensStatic;
        pane.querySelectorAll(".cab-sb__tokens-actions button").forEach((button) => {
          button.disabled = true;
        });
        return;
      }
      const shared = config.shared.map((token) => {
        const id = `cab-sb-token-${token.name}`;
        let input;
        if (token.name === "density") {
          input = element("select", { id: id, className: "form-select form-select-sm" },
            config.densities.map((value) => element("option", { value: value, text: value })));
          input.addEventListener("change", () => this.editToken(token.name, input.value));
        } else {
          input = element("input", { id: id, type: "text", className: "form-control form-control-sm", spellcheck: "false", autocomplete: "off" });
          input.addEventListener("input", () => this.editToken(token.name, input.value.trim()));
        }
        input.setAttribute("aria-describedby", `${id}-help ${id}-error`);
        this.tokenInputs.set(token.name, { text: input, error: `${id}-error` });
        return element("div", { className: "cab-sb__token-shared" }, [
          element("label", { className: "form-label", for: id }, [element("code", { text: token.name })]),
          input,
          element("p", { className: "form-text", id: `${id}-help`, text: token.description }),
          element("p", { className: "invalid-feedback", id: `${id}-error` }),
        ]);
      });
      const modeLabel = (mode) => (mode === "light" ? this.labels.tokensLight : this.labels.tokensDark);
      const rows = config.colours.map((token) => {
        const help = `cab-sb-token-${token.name}-help`;
        const cells = config.modes.map((mode) => {
          const name = `${mode}.${token.name}`;
          const id = `cab-sb-token-${mode}-${token.name}`;
          const picker = element("input", { type: "color", className: "form-control form-control-sm form-control-color", id: `${id}-picker`,
            "aria-label": format(this.labels.tokensPicker, { token: token.name, mode: modeLabel(mode) }) });
          const text = element("input", { type: "text", className: "form-control form-control-sm cab-sb__token-hex", id: id, spellcheck: "false",
            autocomplete: "off", maxlength: "9", "aria-label": format(this.labels.tokensValue, { token: token.name, mode: modeLabel(mode) }),
            "aria-describedby": `${help} ${id}-error` });
          picker.addEventListener("input", () => {
            text.value = picker.value;
            this.editToken(name, picker.value);
          });
          text.addEventListener("input", () => this.editToken(name, text.value.trim()));
          this.tokenInputs.set(name, { text: text, picker: picker, error: `${id}-error` });
          return element("td", {}, [
            element("div", { className: "cab-sb__token-colour" }, [picker, text]),
            element("p", { className: "invalid-feedback", id: `${id}-error` }),
          ]);
        });
        return element("tr", { "data-token": token.name }, [
          element("th", { scope: "row" }, [element("code", { text: token.name }), element("p", { className: "form-text", id: help, text: token.description })]),
          ...cells,
        ]);
      });
      const table = element("table", { className: "table table-sm cab-sb__token-table" }, [
        element("caption", { text: this.labels.tokensColours }),
        element("thead", {}, [element("tr", {}, [element("th", { scope: "col", text: this.labels.tokensToken }),
          ...config.modes.map((mode) => element("th", { scope: "col", text: modeLabel(mode) }))])]),
        element("tbody", {}, rows),
      ]);
      document.getElementById("cab-sb-tokens-form").replaceChildren(
        element("fieldset", { className: "cab-sb__token-fieldset" }, [element("legend", { text: this.labels.tokensShared }), ...shared]),
        table,
      );
      document.getElementById("cab-sb-tokens-dtcg").addEventListener("click", () => this.downloadTokens());
      document.getElementById("cab-sb-tokens-copy").addEventListener("click", () => this.copySnippet());
      document.getElementById("cab-sb-tokens-reset").addEventListener("click", () => {
        this.tokenEdits = {};
        this.tokensChanged();
        this.toHash();
      });
      // A new preview page (another story, mode, locale) gets the edited stylesheet again.
      this.frame.addEventListener("load", () => this.applyTokens());
    },

    baseTokens() {
      const bases = this.data.tokens.bases;
      return bases[this.state.brand] || bases.default;
    },

    // Every field shows the edit, else the resolved value (derived companions included), else the base's.
    fillTokens() {
      if (!this.data.tokens) return;
      const resolved = (this.tokenResult && this.tokenResult.ok && this.tokenResult.tokens) || this.baseTokens();
      this.tokenInputs.forEach((inputs, name) => {
        const value = name in this.tokenEdits ? String(this.tokenEdits[name]) : resolved[name];
        if (document.activeElement !== inputs.text) inputs.text.value = value;
        if (inputs.picker && /^#[0-9a-fA-F]{6}$/.test(value)) inputs.picker.value = value.toLowerCase();
        inputs.text.classList.toggle("cab-sb__token--edited", name in this.tokenEdits);
      });
    },

    editToken(name, value) {
      if (value === this.baseTokens()[name]) delete this.tokenEdits[name];
      else this.tokenEdits[name] = value;
      this.toHash();
      this.tokenSeq += 1; // a check still on its way describes an older edit: ignore its answer
      clearTimeout(this.tokenTimer);
      this.tokenTimer = setTimeout(() => this.checkTokens(), 200);
      document.getElementById("cab-sb-pane-tokens").dataset.state = "checking";
    },

    tokensChanged() {
      if (!this.data.tokens || !this.tokenInputs) return;
      this.tokenResult = null;
      this.fillTokens();
      this.checkTokens();
    },

    tokenQuery() {
      return new URLSearchParams({ base: this.state.brand, tokens: JSON.stringify(this.tokenEdits) }).toString();
    },

    async checkTokens() {
      const pane = document.getElementById("cab-sb-pane-tokens");
      const status = document.getElementById("cab-sb-tokens-status");
      const details = document.getElementById("cab-sb-tokens-details");
      const seq = ++this.tokenSeq;
      const query = this.tokenQuery();
      pane.dataset.state = "checking";
      let result;
      try {
        const response = await fetch(`${this.data.tokens.check_url}?${query}`, { headers: { Accept: "application/json" } });
        result = await response.json();
        if (!response.ok) throw new Error(result.error || String(response.status));
      } catch (error) {
        if (seq !== this.tokenSeq) return;
        status.replaceChildren(element("p", { className: "text-danger-emphasis", text: format(this.labels.tokensError, { error: error.message }) }));
        details.replaceChildren();
        pane.dataset.state = "error";
        return;
      }
      if (seq !== this.tokenSeq) return; // a newer edit is on its way
      this.tokenResult = result;
      this.tokenResultQuery = query; // the edit this result describes (applyTokens links its CSS)
      this.showTokenProblems(result.problems);
      // The live region says one sentence; the lists beside it are read on demand, not at every keystroke.
      if (!result.ok) {
        status.replaceChildren(element("p", { className: "text-danger-emphasis", text: this.labels.tokensInvalid }));
        details.replaceChildren(element("ul", {}, result.problems.map((problem) => element("li", { text: problem }))));
        pane.dataset.state = "invalid";
        return;
      }
      this.fillTokens();
      const changed = element("p", { text: format(this.labels.tokensChanged, { count: Object.keys(result.changed).length }) });
      if (result.contrast.length) {
        status.replaceChildren(
          changed,
          element("p", { className: "text-danger-emphasis", text: format(this.labels.tokensContrastFail, { count: result.contrast.length }) }),
        );
        details.replaceChildren(
          element("ul", { className: "cab-sb__contrast" }, result.contrast.map((pair) => element("li", { text: pair.message }))),
        );
      } else {
        status.replaceChildren(changed, element("p", { className: "text-success-emphasis", text: this.labels.tokensContrastOk }));
        details.replaceChildren();
      }
      document.getElementById("cab-sb-tokens-snippet").textContent = result.snippet;
      this.applyTokens();
    },

    // A problem reads "light.brand: '#12' is not ...": mark the field it names.
    showTokenProblems(problems) {
      this.tokenInputs.forEach((inputs, name) => {
        const problem = problems.find((text) => text.startsWith(`${name}:`) || text.startsWith(`'${name}'`));
        inputs.text.classList.toggle("is-invalid", Boolean(problem));
        if (problem) inputs.text.setAttribute("aria-invalid", "true");
        else inputs.text.removeAttribute("aria-invalid");
        document.getElementById(inputs.error).textContent = problem || "";
      });
    },

    // The edited theme's stylesheet, last in the preview's <head>; the old one goes once the new one loaded.
    applyTokens() {
      const pane = document.getElementById("cab-sb-pane-tokens");
      let frameDocument;
      try {
        frameDocument = this.frame.contentDocument;
      } catch (error) {
        return;
      }
      if (!frameDocument || !frameDocument.head || !this.data.tokens) return;
      // Every link this panel added carries data-cab-sb-tokens; the applied one also id="cab-sb-tokens".
      const links = () => Array.from(frameDocument.querySelectorAll("link[data-cab-sb-tokens]"));
      const result = this.tokenResult;
      const edited = Object.keys(this.tokenEdits).length > 0 && result && result.ok;
      if (!edited) {
        links().forEach((link) => link.remove());
        if (result) pane.dataset.state = result.ok ? "applied" : "invalid";
        return;
      }
      const href = new URL(`${this.data.tokens.css_url}?${this.tokenResultQuery}`, window.location.href).href;
      const current = frameDocument.getElementById("cab-sb-tokens");
      if (current && current.href === href) {
        links().forEach((link) => link !== current && link.remove());
        pane.dataset.state = "applied";
        return;
      }
      const link = frameDocument.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.dataset.cabSbTokens = "";
      link.addEventListener("load", () => {
        if (!link.isConnected) return; // a newer edit replaced it meanwhile
        links().forEach((other) => other !== link && other.remove());
        link.id = "cab-sb-tokens";
        if (this.tokenResultQuery && href.endsWith(this.tokenResultQuery)) pane.dataset.state = "applied";
      });
      link.addEventListener("error", () => link.remove());
      frameDocument.head.append(link);
    },

    downloadTokens() {
      if (!this.tokenResult || !this.tokenResult.ok) return;
      const blob = new Blob([JSON.stringify(this.tokenResult.dtcg, null, 2) + "\n"], { type: "application/json" });
      const link = element("a", { href: URL.createObjectURL(blob), download: "cabinet-theme.tokens.json" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },

    async copySnippet() {
      const status = document.getElementById("cab-sb-tokens-status");
      const snippet = document.getElementById("cab-sb-tokens-snippet").textContent;
      let text = this.labels.tokensCopied;
      try {
        await navigator.clipboard.writeText(snippet);
      } catch (error) {
        text = this.labels.tokensCopyFailed;
      }
      const previous = status.querySelector(".cab-sb__copied");
      if (previous) previous.remove();
      status.prepend(element("p", { className: "cab-sb__copied", text: text }));
    },

    // ---- values
    payload(kwarg) {
      const story = this.current();
      if (this.state.values[kwarg] !== undefined) return this.state.values[kwarg];
      return story.payload[kwarg];
    },

    setValue(control, value) {
      const story = this.current();
      let payload;
      if (control.field) {
        payload = Object.assign({}, this.payload(control.kwarg));
        payload[control.field] = value;
      } else {
        payload = value;
      }
      if (JSON.stringify(payload) === JSON.stringify(story.payload[control.kwarg])) delete this.state.values[control.kwarg];
      else this.state.values[control.kwarg] = payload;
      this.render();
    },

    changedValues() {
      return Object.keys(this.state.values).length ? base64url(JSON.stringify(this.state.values)) : "";
    },

    previewUrl() {
      const state = this.state;
      const story = this.current();
      const brand = state.brand !== "default" ? `brand=${encodeURIComponent(state.brand)}` : "";
      if (this.data.mode === "static") {
        const file = this.data.preview_template
          .replace("{id}", story.id)
          .replace("{theme}", state.theme)
          .replace("{locale}", state.locale)
          .replace("{dir}", state.dir);
        return brand ? `${file}?${brand}` : file;
      }
      const params = new URLSearchParams({ theme: state.theme, locale: state.locale, dir: state.dir });
      if (brand) params.set("brand", state.brand);
      const changed = this.changedValues();
      if (changed) params.set("values", changed);
      return `${this.data.preview_template.replace("{id}", encodeURIComponent(story.id))}?${params.toString()}`;
    },

    // ---- rendering the page for the state
    render() {
      const story = this.current();
      if (!story) return;
      const state = this.state;
      document.documentElement.dataset.bsTheme = state.theme;
      document.getElementById("cab-sb-theme").value = state.theme;
      document.getElementById("cab-sb-brand").value = state.brand;
      document.getElementById("cab-sb-viewport").value = state.viewport;
      document.getElementById("cab-sb-locale").value = state.locale;
      document.getElementById("cab-sb-rtl").checked = state.dir === "rtl";
      this.sizeFrame();
      this.links.forEach((link, id) => {
        if (id === story.id) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      });
      document.getElementById("cab-sb-component").textContent = story.component;
      document.getElementById("cab-sb-title").textContent = story.name;
      const status = document.getElementById("cab-sb-status");
      status.hidden = false;
      status.className = `badge cab-sb__status cab-sb__status--${story.status}`;
      status.textContent = this.labels[`status_${story.status}`] || story.status;
      const tags = document.getElementById("cab-sb-tags");
      tags.replaceChildren(...story.tags.map((tag) => element("span", { className: "cab-sb__tag", text: tag })));
      const url = this.previewUrl();
      if (this.frame.getAttribute("src") !== url) {
        this.lastReport = null;
        this.frame.setAttribute("src", url);
        document.getElementById("cab-sb-html").textContent = this.labels.waiting || "";
        document.getElementById("cab-sb-axe").replaceChildren();
      }
      document.getElementById("cab-sb-open").setAttribute("href", url);
      if (story.loaded) {
        this.renderControls();
        this.renderStatic(story);
      } else {
        this.showLoading(story);
      }
      this.showTab();
      this.toHash();
    },

    // ---- a story's details, loaded once when it is first opened
    load(story) {
      if (!this.loads.has(story.id)) {
        const url = this.data.story_template.replace("{id}", encodeURIComponent(story.id));
        const request = this.data.mode === "static" ? this.loadScript(url, story.id) : this.fetchJson(url);
        const loaded = request.then(
          (details) => {
            Object.assign(story, details, { loaded: true });
          },
          (error) => {
            this.loads.delete(story.id); // a later visit tries again
            throw error;
          },
        );
        this.loads.set(story.id, loaded);
      }
      return this.loads.get(story.id);
    },

    async fetchJson(url) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    },

    // The static export's story/<id>.js calls window.cabStorybookStory(id, details): a script
    // loads from file:// where fetch cannot.
    loadScript(url, id) {
      return new Promise((resolve, reject) => {
        this.arrivals.set(id, resolve);
        const script = element("script", { src: url });
        script.addEventListener("load", () => script.remove());
        script.addEventListener("error", () => {
          this.arrivals.delete(id);
          script.remove();
          reject(new Error(url));
        });
        document.head.append(script);
      });
    },

    showLoading(story) {
      const box = document.getElementById("cab-sb-controls");
      box.dataset.key = "";
      const waiting = () => element("p", { className: "text-body-secondary", text: this.labels.loadingStory });
      box.replaceChildren(waiting());
      ["cab-sb-template", "cab-sb-story"].forEach((id) => {
        document.getElementById(id).textContent = this.labels.loadingStory;
      });
      document.getElementById("cab-sb-pane-notes").replaceChildren(waiting());
      document.getElementById("cab-sb-contract").replaceChildren(waiting());
      this.load(story).then(
        () => {
          if (this.current() === story) this.render();
        },
        (error) => {
          if (this.current() !== story) return;
          const text = format(this.labels.storyLoadFailed, { error: error.message });
          box.replaceChildren(element("p", { className: "text-danger-emphasis", role: "alert", text: text }));
        },
      );
    },

    sizeFrame() {
      const box = document.getElementById("cab-sb-frame-box");
      const size = document.getElementById("cab-sb-size");
      const state = this.state;
      let width = 0;
      let height = 0;
      if (state.viewport === "custom") {
        width = state.width;
        height = state.height;
      } else {
        const preset = this.viewport(state.viewport) || { width: 0, height: 0 };
        width = preset.width;
        height = preset.height;
      }
      size.hidden = state.viewport !== "custom";
      document.getElementById("cab-sb-width").value = String(state.width);
      document.getElementById("cab-sb-height").value = String(state.height);
      // CSSOM, not style attributes: allowed by style-src 'self'.
      box.classList.toggle("cab-sb__frame--fill", !width);
      box.style.width = width ? `${width}px` : "";
      box.style.height = height ? `${height}px` : "";
    },

    renderStatic(story) {
      document.getElementById("cab-sb-template").textContent = story.template_source;
      document.getElementById("cab-sb-story").textContent = story.story_source;
      const notes = document.getElementById("cab-sb-pane-notes");
      if (story.notes_html) {
        // Server-rendered from escaped Markdown (codex_django.storybook.notes).
        const parsed = new DOMParser().parseFromString(`<div>${story.notes_html}</div>`, "text/html");
        notes.replaceChildren(...parsed.body.firstChild.childNodes);
      } else {
        notes.replaceChildren(element("p", { className: "text-body-secondary", text: this.labels.noNotes }));
      }
      this.renderContract(story);
      const report = this.lastReport;
      if (report) {
        document.getElementById("cab-sb-html").textContent = report.html;
        document.getElementById("cab-sb-usage").textContent = report.usage;
      }
    },

    renderContract(story) {
      const box = document.getElementById("cab-sb-contract");
      const tables = story.fields.map((table) => {
        const rows = table.fields.map((field) =>
          element("tr", {}, [
            element("th", { scope: "row" }, [element("code", { text: field.name })]),
            element("td", {}, [element("code", { text: field.type })]),
            element("td", {}, [field.required ? element("span", { className: "badge text-bg-secondary", text: this.labels.required }) : element("code", { text: field.default })]),
            element("td", { text: field.description }),
          ]),
        );
        return element("section", { className: "cab-sb__contract" }, [
          element("h2", { className: "cab-sb__contract-title" }, [element("code", { text: table.kwarg }), document.createTextNode(" · " + table.contract)]),
          table.doc ? element("p", { className: "text-body-secondary", text: table.doc }) : null,
          element("div", { className: "table-responsive" }, [
            element("table", { className: "table table-sm cab-sb__fields" }, [
              element("thead", {}, [
                element("tr", {}, [
                  element("th", { scope: "col", text: this.labels.field }),
                  element("th", { scope: "col", text: this.labels.type }),
                  element("th", { scope: "col", text: this.labels.default }),
                  element("th", { scope: "col", text: this.labels.description }),
                ]),
              ]),
              element("tbody", {}, rows),
            ]),
          ]),
        ]);
      });
      box.replaceChildren(...tables);
    },

    // ---- controls
    renderControls() {
      const story = this.current();
      const box = document.getElementById("cab-sb-controls");
      const key = `${story.id}|${JSON.stringify(this.state.values)}`;
      if (box.dataset.key === key) {
        this.showProblems();
        return;
      }
      box.dataset.key = key;
      const live = this.data.mode === "live";
      const nodes = [];
      if (!live) nodes.push(element("p", { className: "alert alert-info py-2", text: this.labels.staticControls }));
      if (!story.controls.length) nodes.push(element("p", { className: "text-body-secondary", text: this.labels.noControls }));
      story.controls.forEach((control, index) => nodes.push(this.controlRow(control, index, live)));
      if (live && Object.keys(this.state.values).length) {
        const reset = element("button", { type: "button", className: "btn btn-sm btn-outline-secondary", text: this.labels.reset });
        reset.addEventListener("click", () => this.update({ values: {} }));
        nodes.push(element("div", { className: "cab-sb__reset" }, [reset]));
      }
      box.replaceChildren(...nodes);
      this.showProblems();
    },

    controlValue(control) {
      const payload = this.payload(control.kwarg);
      return control.field ? (payload || {})[control.field] : payload;
    },

    controlRow(control, index, live) {
      const id = `cab-sb-control-${index}`;
      const value = this.controlValue(control);
      let input;
      if (control.widget === "select") {
        input = element("select", { className: "form-select form-select-sm", id: id });
        if (control.nullable) input.append(element("option", { value: "__null__", text: this.labels.nullValue }));
        control.options.forEach((option) => input.append(element("option", { value: JSON.stringify(option), text: String(option) })));
        input.value = value === null || value === undefined ? "__null__" : JSON.stringify(value);
        input.addEventListener("change", () => this.setValue(control, input.value === "__null__" ? null : JSON.parse(input.value)));
      } else if (control.widget === "toggle") {
        input = element("input", { className: "form-check-input", type: "checkbox", role: "switch", id: id });
        input.checked = Boolean(value);
        input.addEventListener("change", () => this.setValue(control, input.checked));
      } else if (control.widget === "number") {
        input = element("input", { className: "form-control form-control-sm", type: "number", id: id, step: control.step || "any" });
        input.value = value === null || value === undefined ? "" : String(value);
        input.addEventListener("change", () => this.setValue(control, input.value === "" ? (control.nullable ? null : 0) : Number(input.value)));
      } else if (control.widget === "text") {
        input = element("input", { className: "form-control form-control-sm", type: "text", id: id });
        input.value = value === null || value === undefined ? "" : String(value);
        input.addEventListener("change", () => this.setValue(control, input.value === "" && control.nullable ? null : input.value));
      } else {
        input = element("textarea", { className: "form-control form-control-sm cab-sb__json", id: id, rows: "6", spellcheck: "false" });
        input.value = JSON.stringify(value, null, 2);
        input.addEventListener("change", () => {
          let parsed;
          try {
            parsed = JSON.parse(input.value);
          } catch (error) {
            this.markProblem(control, format(this.labels.invalidJson, { error: error.message }));
            return;
          }
          this.setValue(control, parsed);
        });
      }
      input.disabled = !live;
      input.dataset.kwarg = control.kwarg;
      input.dataset.field = control.field;
      const message = element("div", { className: "invalid-feedback cab-sb__problem", id: `${id}-problem`, "aria-live": "polite" });
      input.setAttribute("aria-describedby", `${id}-problem${control.description ? ` ${id}-help` : ""}`);
      const label = element("label", { className: control.widget === "toggle" ? "form-check-label" : "form-label", for: id }, [element("code", { text: control.label })]);
      const help = control.description ? element("div", { className: "form-text", id: `${id}-help`, text: control.description }) : null;
      const row = element("div", { className: `cab-sb__control cab-sb__control--${control.widget}` });
      if (control.widget === "toggle") {
        row.append(element("div", { className: "form-check form-switch" }, [input, label]), help, message);
      } else {
        row.append(label, input, help, message);
      }
      row.dataset.kwarg = control.kwarg;
      row.dataset.field = control.field;
      return row;
    },

    markProblem(control, text) {
      const row = document.querySelector(`.cab-sb__control[data-kwarg="${CSS.escape(control.kwarg)}"][data-field="${CSS.escape(control.field)}"]`);
      if (!row) return;
      const input = row.querySelector("input, select, textarea");
      input.classList.add("is-invalid");
      input.setAttribute("aria-invalid", "true");
      row.querySelector(".cab-sb__problem").textContent = text;
    },

    showProblems() {
      document.querySelectorAll(".cab-sb__control").forEach((row) => {
        const input = row.querySelector("input, select, textarea");
        input.classList.remove("is-invalid");
        input.removeAttribute("aria-invalid");
        row.querySelector(".cab-sb__problem").textContent = "";
      });
      const report = this.lastReport;
      if (!report || !report.problems.length || !this.current().loaded) return;
      report.problems.forEach((problem) => {
        const story = this.current();
        const control =
          story.controls.find((item) => item.kwarg === problem.kwarg && item.field === problem.field) ||
          story.controls.find((item) => item.kwarg === problem.kwarg);
        if (control) this.markProblem(control, `${problem.path}: ${problem.message}`);
      });
    },

    onMessage(event) {
      if (event.source !== this.frame.contentWindow || !event.data || event.data.source !== "cab-storybook") return;
      this.lastReport = event.data;
      document.getElementById("cab-sb-html").textContent = event.data.html;
      document.getElementById("cab-sb-usage").textContent = event.data.usage;
      this.showProblems();
    },

    // ---- accessibility panel: axe-core inside the preview frame
    runAxe() {
      const output = document.getElementById("cab-sb-axe");
      let frameDocument;
      try {
        frameDocument = this.frame.contentDocument;
        if (!frameDocument) throw new Error("no document");
      } catch (error) {
        output.replaceChildren(element("p", { className: "text-body-secondary", text: this.labels.axeUnavailable }));
        return;
      }
      output.replaceChildren(element("p", { text: this.labels.axeRunning }));
      const frameWindow = this.frame.contentWindow;
      const run = () =>
        frameWindow.axe
          .run(frameDocument, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
          .then((results) => this.showAxe(results.violations));
      if (frameWindow.axe) {
        run();
        return;
      }
      const script = frameDocument.createElement("script");
      script.src = new URL(this.data.axe_url, window.location.href).href;
      script.addEventListener("load", run);
      script.addEventListener("error", () => output.replaceChildren(element("p", { text: this.labels.axeUnavailable })));
      frameDocument.head.append(script);
    },

    showAxe(violations) {
      const output = document.getElementById("cab-sb-axe");
      if (!violations.length) {
        output.replaceChildren(element("p", { className: "text-success-emphasis", text: this.labels.axeNone }));
        return;
      }
      const items = violations.map((violation) =>
        element("li", { className: `cab-sb__violation cab-sb__violation--${violation.impact}` }, [
          element("strong", { text: `${violation.impact}: ${violation.id}` }),
          document.createTextNode(` — ${violation.help} `),
          element("a", { href: violation.helpUrl, target: "_blank", rel: "noopener", text: "↗" }),
          element("ul", {}, violation.nodes.map((node) => element("li", {}, [element("code", { text: node.target.join(" ") })]))),
        ]),
      );
      output.replaceChildren(element("p", { text: format(this.labels.axeViolations, { count: violations.length }) }), element("ul", {}, items));
    },
  };

  // <script data-storybook="preview"> sets its listeners up at once (it runs in
  // <head>, before htmx processes the page); the storybook page waits for its DOM.
  const script = document.currentScript;
  const role = script ? script.dataset.storybook : "";
  if (role === "preview") {
    preview.start(script);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => ui.start(), { once: true });
  } else {
    ui.start();
  }
})();
