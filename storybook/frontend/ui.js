// The storybook page (body[data-storybook-page="ui"]): sidebar, toolbar, tabs, deep links and
// the accessibility panel; controls, story details and the token panel are mixed in from their
// own modules. Plain DOM code, no inline script or style, so it runs under the cabinet's
// strict Content-Security-Policy.

import { controls } from "./controls.js";
import { details } from "./details.js";
import { base64url, element, format, fromBase64url, readJson } from "./dom.js";
import { tokenPanel } from "./tokens.js";

const page = {
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

export const ui = Object.assign(page, controls, details, tokenPanel);
