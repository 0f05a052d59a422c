// The storybook's front end: one script for two pages (bundled by frontend/build.mjs).
//
// * The preview page, loaded in the frame: preview.js.
// * The storybook page: ui.js (with controls.js, details.js and tokens.js).
//
// Data arrives through json_script elements, the story details URL and the story's stubs only.

import { preview } from "./preview.js";
import { ui } from "./ui.js";

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
