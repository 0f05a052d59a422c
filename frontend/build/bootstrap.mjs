// Bootstrap's CSS for cabinet.css: frontend/bootstrap.scss compiled by sass, trimmed, made RTL.

import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import postcss from "postcss";
import rtlcss from "rtlcss";
import * as sass from "sass";
import { CABINET_STATIC, exists, NODE_MODULES, packageVersion, ROOT } from "./common.mjs";

const BOOTSTRAP_SCSS = path.join(ROOT, "frontend/bootstrap.scss");
const SASS_CACHE = path.join(NODE_MODULES, ".cache/cabinet-bootstrap");
const TOKENS_CSS = path.join(CABINET_STATIC, "tokens.css");
// Selectors of the Bootstrap modules kept that no cabinet template, component or story uses
// (a rule goes when all its selectors match; a rule shared with a kept selector keeps that one):
// form validation on submit (the cabinet marks fields .is-invalid), row columns, offsets and
// responsive gutters (a dashboard widget's `col` takes col-* only), drop-up/-start/-end and
// responsive dropdown alignment, card groups and images, the underlined nav, icon links; the
// state classes of Bootstrap's JS plugins, which the cabinet does not ship (.fade, .collapse);
// and the rarer variants: display headings, vertical and sized button groups, the dark dropdown,
// plain-text controls, large form controls, growing spinners, validation tooltips, responsive
// sticky and table-responsive, ratio/stack/vr/stretched-link/fixed helpers, initialism,
// blockquote, inline lists, reversed and inline checks, filled/justified navs, figures, thumbnails.
const BOOTSTRAP_LEFT_OUT = [
  /\.was-validated\b/,
  /\.row-cols-/,
  /\.offset-/,
  /\.g[xy]?-(sm|md|lg|xl|xxl)-/,
  /\.drop(up|end|start)\b/,
  /\.dropdown-menu-(sm|md|lg|xl|xxl)-/,
  /\.card-group\b/,
  /\.card-img/,
  /\.card-header-(tabs|pills)\b/,
  /\.nav-underline\b/,
  /\.icon-link\b/,
  /\.(fade|collapse|collapsing|collapse-horizontal)\b/,
  /\.display-[1-6]\b/,
  /\.btn-group-(vertical|lg|sm)\b/,
  /\.dropdown-menu-dark\b/,
  /\.form-control-plaintext\b/,
  /\.(col-form-label|form-select|form-control)-lg\b/,
  /\.col-form-label-sm\b/,
  /\.spinner-grow/,
  /\.invalid-tooltip\b/,
  /\.sticky-(sm|md|lg|xl|xxl)-/,
  /\.table-responsive-(sm|md|lg|xl|xxl)\b/,
  /\.(ratio|hstack|vstack|vr|stretched-link|fixed-top|fixed-bottom)\b/,
  /\.ratio-/,
  /\.(initialism|blockquote|list-inline)/,
  /\.form-check-(reverse|inline)\b/,
  /\.nav-(fill|justified)\b/,
  /\.(figure|img-thumbnail)\b/,
  /\.figure-/,
];

/** A rule's selector list in a comparable form (`:root, [data-bs-theme="light"]` -> `:root,[data-bs-theme=light]`). */
function selectorKey(rule) {
  return rule.selectors.map((selector) => selector.replace(/["'\s]/g, "")).sort().join(",");
}

/**
 * The compiled Bootstrap without dead weight: the rules of BOOTSTRAP_LEFT_OUT, and the custom
 * properties tokens.css sets again for the same selector (`:root`, `[data-bs-theme=dark]`,
 * `.btn-primary`, ...): tokens.css comes later in cabinet.css with the same specificity, so
 * Bootstrap's values there never apply (about 1 KB gzipped of --bs-* colours).
 */
function trimBootstrap(css, tokens) {
  const redefined = new Map();
  for (const rule of postcss.parse(tokens).nodes) {
    if (rule.type !== "rule") continue;
    const props = redefined.get(selectorKey(rule)) || new Set();
    rule.walkDecls((decl) => props.add(decl.prop));
    redefined.set(selectorKey(rule), props);
  }
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent.type === "atrule" && /keyframes$/.test(rule.parent.name)) return;
    const kept = rule.selectors.filter((selector) => !BOOTSTRAP_LEFT_OUT.some((pattern) => pattern.test(selector)));
    if (!kept.length) {
      rule.remove();
      return;
    }
    if (kept.length !== rule.selectors.length) rule.selectors = kept;
    const props = rule.parent.type === "root" ? redefined.get(selectorKey(rule)) : undefined;
    if (props) rule.walkDecls((decl) => props.has(decl.prop) && !decl.important && decl.remove());
    if (!rule.nodes.length) rule.remove();
  });
  root.walkAtRules((atRule) => {
    if (atRule.nodes && !atRule.nodes.length) atRule.remove();
  });
  return root.toString();
}

/**
 * Bootstrap's CSS from frontend/bootstrap.scss (only the modules the cabinet uses), trimmed
 * (trimBootstrap), and its RTL twin made by rtlcss, as Bootstrap's own dist build does.
 * Compiling takes ~3 s, so the result is cached in node_modules/.cache, keyed by the SCSS
 * entry, tokens.css, the trimming and the versions.
 */
export async function bootstrapCss() {
  const source = await readFile(BOOTSTRAP_SCSS, "utf8");
  const tokens = await readFile(TOKENS_CSS, "utf8");
  const versions = await Promise.all(["bootstrap", "sass", "rtlcss", "postcss"].map(packageVersion));
  const trimming = [BOOTSTRAP_LEFT_OUT.map(String), trimBootstrap.toString()];
  const key = createHash("sha256").update(JSON.stringify([source, tokens, trimming, versions])).digest("hex").slice(0, 16);
  const ltrFile = path.join(SASS_CACHE, `bootstrap-${key}.css`);
  const rtlFile = path.join(SASS_CACHE, `bootstrap-${key}.rtl.css`);
  if ((await exists(ltrFile)) && (await exists(rtlFile))) {
    return { ltr: await readFile(ltrFile, "utf8"), rtl: await readFile(rtlFile, "utf8") };
  }
  const compiled = sass.compile(BOOTSTRAP_SCSS, {
    loadPaths: [NODE_MODULES],
    style: "expanded",
    quietDeps: true,
    logger: sass.Logger.silent,
  });
  const css = trimBootstrap(compiled.css, tokens);
  const rtl = rtlcss.process(css);
  await mkdir(SASS_CACHE, { recursive: true });
  await writeFile(ltrFile, css);
  await writeFile(rtlFile, rtl);
  return { ltr: css, rtl };
}
