// The storybook page's controls: one input per contract field, the changed values (sent to
// the preview as ?values=) and the contract's complaints shown next to their control. Methods
// of the page object (ui.js mixes them in).

import { base64url, element, format } from "./dom.js";

export const controls = {
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
};
