// The storybook page's story details: loaded when a story is first opened (the page embeds
// only the stories' names), then shown in the Template, Story, Notes and Contract tabs.
// Methods of the page object (ui.js mixes them in).

import { element, format } from "./dom.js";

export const details = {
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

  // The Contract tab: fields tables rendered (and escaped) on the server (storybook/contract.html).
  renderContract(story) {
    const parsed = new DOMParser().parseFromString(`<div>${story.contract_html}</div>`, "text/html");
    document.getElementById("cab-sb-contract").replaceChildren(...parsed.body.firstChild.childNodes);
  },
};
