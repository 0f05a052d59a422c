// The storybook page's token panel: edits on top of the toolbar's theme, checked by the
// server (storybook/tokens.py), applied to the preview as a stylesheet. Methods of the page
// object (ui.js mixes them in).

import { element, format } from "./dom.js";

export const tokenPanel = {
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
};
