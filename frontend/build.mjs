// Builds the cabinet's front-end assets with esbuild.
//
//   npm run build          one build (minified, deterministic)
//   npm run build -- --watch   rebuild on change
//   node frontend/build.mjs --out DIR   write to DIR/cabinet and DIR/storybook instead (tests)
//
// Outputs (generated, git-ignored; cabinet.js is minified by esbuild, then by terser):
//   src/codex_django/cabinet/static/cabinet/dist/cabinet.js       Alpine (CSP build) + the htmx loader + shell.js + the paging of
//                                                                 card_grid/list_view (collection-paging.js) + every components/*/*.js
//   src/codex_django/cabinet/static/cabinet/dist/htmx.js          htmx's own minified build between frontend/htmx-before.js and
//                                                                 htmx-after.js, loaded on demand (frontend/cabinet-runtime.js)
//   src/codex_django/cabinet/static/cabinet/dist/cabinet.css      Bootstrap (frontend/bootstrap.scss) + the Bootstrap Icons font,
//                                                                 base rule and the rules of the icons the library names + Inter
//                                                                 + tokens + shell + the CSS of the CORE_COMPONENTS below
//   src/codex_django/cabinet/static/cabinet/dist/components/<name>.css   every other component's CSS, on its own: the component
//                                                                 declares it as its django-components Media, so a page links
//                                                                 only the stylesheets of the components it renders
//   src/codex_django/cabinet/static/cabinet/dist/components.json  {"core": [...], "separate": {name: {"css": path, "marker": class}}}:
//                                                                 read by Python (tests, {% cabinet_css %}'s map for HTMX fragments)
//   src/codex_django/cabinet/static/cabinet/dist/cabinet.rtl.css  the same with Bootstrap made RTL by rtlcss (as Bootstrap's dist)
//   src/codex_django/cabinet/static/cabinet/dist/fonts/           font files referenced by relative URLs
//   src/codex_django/cabinet/static/cabinet/dist/icons.json       every Bootstrap Icons name -> codepoint (icons.py serves the
//                                                                 rules of the other icons in use: registry, settings)
//   src/codex_django/cabinet/static/cabinet/dist/icons-used.json  the icons the library's templates, scripts and stories name
//   src/codex_django/cabinet/static/cabinet/dist/icons-all.css    every icon's rule (the fallback when the icon URL is not routed)
//   storybook/static/storybook/dist/                              storybook.js/.css (when storybook/frontend/ has them) + axe.min.js
//
// Generated from Python before bundling (git-ignored, shipped in the wheel; see GENERATED_CSS):
//   src/codex_django/cabinet/static/cabinet/tokens.css            the default theme's tokens (codex_django.cabinet.theme)
//   components/calendar_grid/calendar_grid_positions.css          the calendar's position classes (its presenter's limits)
//
// The component files are found by a glob at build time and fed to esbuild through a
// virtual entry module, so adding a component never means editing a list here.
//
// This file is the entry point; its parts: frontend/build/common.mjs (paths, helpers),
// frontend/build/bootstrap.mjs (Bootstrap's CSS: compiled, trimmed, RTL) and
// frontend/build/icons.mjs (the icon font in pieces, icons.json, icons-used.json, icons-all.css).

import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { minify as terserMinify } from "terser";
import { bootstrapCss } from "./build/bootstrap.mjs";
import { CABINET_STATIC, COMPONENTS, exists, NODE_MODULES, ROOT, STORYBOOK_SRC } from "./build/common.mjs";
import { ICONS_FONT, iconsCss, writeIconFiles } from "./build/icons.mjs";

// The shell's stylesheets (static/cabinet/shell/), in cascade order: later parts may override earlier ones.
const SHELL_PARTS = ["base", "topbar", "sidebar", "main"];
// Components whose CSS is in cabinet.css: the shell renders them on every page (modal_host,
// color_mode_switch), they fill most modals (generic_modal: a modal's first load must not show
// unstyled content while its stylesheet arrives) or they are atoms most other components and
// pages use. Every other
// component's CSS is built to dist/components/<name>.css and linked only where it renders.
const CORE_COMPONENTS = [
  "avatar",
  "color_mode_switch",
  "empty_state",
  "generic_modal", // the content of most modals: styled before the first one opens
  "modal_host",
  "page_header",
  "status_badge",
];
const GITIGNORE = "# Built by `npm run build` from package.json; not committed.\n*\n!.gitignore\n";
// CSS made from values defined in Python, their one source of truth: `python -m
// codex_django.cabinet.assets.generated_css` prints {file name: CSS}, this build writes each file where
// it belongs (before bundling; git-ignored). The Python is $CABINET_PYTHON, else .venv/bin/python,
// else python3, with this checkout's src/ first on its path.
const GENERATED_CSS = {
  "tokens.css": path.join(CABINET_STATIC, "tokens.css"),
  "calendar_grid_positions.css": path.join(COMPONENTS, "calendar_grid/calendar_grid_positions.css"),
};

const WATCH = process.argv.includes("--watch");
const OUT_INDEX = process.argv.indexOf("--out");
const OUT = OUT_INDEX > 0 ? path.resolve(process.argv[OUT_INDEX + 1]) : null;
const CABINET_DIST = OUT ? path.join(OUT, "cabinet") : path.join(CABINET_STATIC, "dist");
const STORYBOOK_DIST = OUT ? path.join(OUT, "storybook") : path.join(ROOT, "storybook/static/storybook/dist");

/** Files `components/<name>/<name-or-any>.<ext>`, sorted so the output is deterministic. */
async function componentFiles(ext) {
  let folders;
  try {
    folders = await readdir(COMPONENTS, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [];
  for (const folder of folders) {
    if (!folder.isDirectory() || folder.name.startsWith(".") || folder.name.startsWith("_")) continue;
    const dir = path.join(COMPONENTS, folder.name);
    for (const file of await readdir(dir)) {
      if (file.endsWith(ext) && !file.endsWith(`.test${ext}`)) found.push(path.join(dir, file));
    }
  }
  return found.sort();
}

/** Component folder name -> its `.css` files, sorted. */
async function componentCssByName() {
  const byName = new Map();
  for (const file of await componentFiles(".css")) {
    const name = path.basename(path.dirname(file));
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(file);
  }
  return byName;
}

/**
 * The class that tells a component is in some HTML: the block of the first `cab-` class its
 * CSS defines (`.cab-chain-preview__title` -> `cab-chain-preview`). shell.js looks for it in
 * HTMX responses to link the component's stylesheet before the swap.
 */
async function markerClass(files) {
  for (const file of files) {
    const match = (await readFile(file, "utf8")).match(/\.(cab-[a-z0-9-]+?)(?:__|--|[^a-z0-9_-]|$)/);
    if (match) return match[1];
  }
  throw new Error(`${files[0]}: no .cab-* class found (needed to detect the component in HTMX responses)`);
}

/** A path usable inside an import statement of a virtual module resolved from ROOT. */
function importPath(file) {
  return JSON.stringify("./" + path.relative(ROOT, file).split(path.sep).join("/"));
}

/** esbuild plugin serving `virtual:<name>` entries whose contents a function computes. */
function virtualEntries(entries) {
  return {
    name: "cabinet-virtual-entries",
    setup(build) {
      build.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: "cabinet-virtual" }));
      build.onLoad({ filter: /.*/, namespace: "cabinet-virtual" }, async (args) => {
        const make = entries[args.path];
        const { contents, loader, watchFiles, resolveDir } = await make();
        return { contents, loader, resolveDir: resolveDir || ROOT, watchDirs: [COMPONENTS], watchFiles };
      });
    },
  };
}

async function cabinetJsEntry() {
  const components = await componentFiles(".js");
  const lines = [
    "// Generated by frontend/build.mjs: runtime, shell, every component, then Alpine starts.",
    `import ${importPath(path.join(ROOT, "frontend/cabinet-runtime.js"))};`,
    `import ${importPath(path.join(CABINET_STATIC, "shell.js"))};`,
    `import ${importPath(path.join(ROOT, "frontend/collection-paging.js"))};`,
    ...components.map((file) => `import ${importPath(file)};`),
    `import ${importPath(path.join(ROOT, "frontend/cabinet-start.js"))};`,
  ];
  return { contents: lines.join("\n") + "\n", loader: "js", watchFiles: components };
}

function cabinetCssEntry(bootstrapCss) {
  return async () => {
    const byName = await componentCssByName();
    const components = CORE_COMPONENTS.flatMap((name) => byName.get(name) || []);
    const lines = [
      "/* Generated by frontend/build.mjs: vendor CSS, tokens, shell, the core components. */",
      `@import "${bootstrapCss}";`,
      '@import "virtual:bootstrap-icons.css";',
      '@import "@fontsource-variable/inter/index.css";',
      `@import ${importPath(path.join(CABINET_STATIC, "tokens.css"))};`,
      ...SHELL_PARTS.map((part) => `@import ${importPath(path.join(CABINET_STATIC, "shell", part + ".css"))};`),
      ...components.map((file) => `@import ${importPath(file)};`),
    ];
    return { contents: lines.join("\n") + "\n", loader: "css", watchFiles: components };
  };
}

const COMMON = {
  bundle: true,
  minify: true,
  legalComments: "eof",
  logLevel: WATCH ? "info" : "warning",
  absWorkingDir: ROOT,
  charset: "utf8",
};

const CSS_OPTIONS = {
  ...COMMON,
  // Fonts land in dist/fonts/ and are referenced by relative URLs, so the bundle
  // works under any STATIC_URL and with hashed (manifest) static storage.
  loader: { ".woff2": "file", ".woff": "file" },
  assetNames: "fonts/[name]-[hash]",
  target: ["chrome109", "firefox115", "safari15.6", "edge109"],
};

function cssModule(contents, resolveDir) {
  return async () => ({ contents, loader: "css", resolveDir });
}

/** One build per non-core component: dist/components/<name>.css. */
async function componentCssBuilds() {
  const byName = await componentCssByName();
  const builds = [];
  for (const [name, files] of byName) {
    if (CORE_COMPONENTS.includes(name)) continue;
    const entry = `virtual:component-${name}.css`;
    const contents = files.map((file) => `@import ${importPath(file)};`).join("\n") + "\n";
    builds.push({
      ...CSS_OPTIONS,
      entryPoints: { [name]: entry },
      outdir: path.join(CABINET_DIST, "components"),
      plugins: [virtualEntries({ [entry]: async () => ({ contents, loader: "css", watchFiles: files }) })],
    });
  }
  return builds;
}

/** dist/components.json: which components are in cabinet.css and where the others' CSS is. */
async function writeComponentsManifest() {
  const byName = await componentCssByName();
  const missing = CORE_COMPONENTS.filter((name) => !byName.has(name));
  if (missing.length) throw new Error(`CORE_COMPONENTS without CSS: ${missing.join(", ")}`);
  const separate = {};
  for (const [name, files] of byName) {
    if (CORE_COMPONENTS.includes(name)) continue;
    separate[name] = { css: `cabinet/dist/components/${name}.css`, marker: await markerClass(files) };
  }
  const manifest = { core: [...CORE_COMPONENTS].sort(), separate };
  await writeFile(path.join(CABINET_DIST, "components.json"), JSON.stringify(manifest, null, 1) + "\n");
}

async function cabinetBuilds(icons) {
  const bootstrap = await bootstrapCss();
  const iconsModule = cssModule(await iconsCss(icons.used, icons.codepoints), ICONS_FONT);
  return [
    {
      ...COMMON,
      entryPoints: { cabinet: "virtual:cabinet.js" },
      outdir: CABINET_DIST,
      format: "iife",
      target: ["es2020"],
      plugins: [virtualEntries({ "virtual:cabinet.js": cabinetJsEntry })],
    },
    {
      ...CSS_OPTIONS,
      entryPoints: { cabinet: "virtual:cabinet.css" },
      outdir: CABINET_DIST,
      plugins: [
        virtualEntries({
          "virtual:cabinet.css": cabinetCssEntry("virtual:bootstrap.css"),
          "virtual:bootstrap.css": cssModule(bootstrap.ltr),
          "virtual:bootstrap-icons.css": iconsModule,
        }),
      ],
    },
    {
      ...CSS_OPTIONS,
      entryPoints: { "cabinet.rtl": "virtual:cabinet.rtl.css" },
      outdir: CABINET_DIST,
      plugins: [
        virtualEntries({
          "virtual:cabinet.rtl.css": cabinetCssEntry("virtual:bootstrap.rtl.css"),
          "virtual:bootstrap.rtl.css": cssModule(bootstrap.rtl),
          "virtual:bootstrap-icons.css": iconsModule,
        }),
      ],
    },
  ];
}

async function storybookBuilds() {
  const builds = [];
  const js = path.join(STORYBOOK_SRC, "storybook.js");
  const css = path.join(STORYBOOK_SRC, "storybook.css");
  if (await exists(js)) {
    builds.push({ ...COMMON, entryPoints: { storybook: js }, outdir: STORYBOOK_DIST, format: "iife", target: ["es2020"] });
  }
  if (await exists(css)) {
    builds.push({ ...CSS_OPTIONS, entryPoints: { storybook: css }, outdir: STORYBOOK_DIST });
  }
  return builds;
}

/** Writes the GENERATED_CSS files (only those whose text changed, each atomically). */
async function writeGeneratedCss() {
  const venv = path.join(ROOT, ".venv/bin/python");
  const python = process.env.CABINET_PYTHON || ((await exists(venv)) ? venv : "python3");
  const pythonPath = [path.join(ROOT, "src"), process.env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  let output;
  try {
    output = await promisify(execFile)(python, ["-m", "codex_django.cabinet.assets.generated_css"], {
      cwd: ROOT,
      env: { ...process.env, PYTHONPATH: pythonPath },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `generating ${Object.keys(GENERATED_CSS).join(" and ")} with ${python} failed; it needs the package's ` +
        `Python environment (\`make venv\`, or set CABINET_PYTHON):\n${error.stderr || error.message}`,
    );
  }
  const generated = JSON.parse(output.stdout);
  for (const [name, file] of Object.entries(GENERATED_CSS)) {
    if (typeof generated[name] !== "string") throw new Error(`codex_django.cabinet.assets.generated_css gave no ${name}`);
    if ((await exists(file)) && (await readFile(file, "utf8")) === generated[name]) continue;
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, generated[name]);
    await rename(temporary, file);
  }
}

async function prepareOutputFolders() {
  await mkdir(CABINET_DIST, { recursive: true });
  await mkdir(STORYBOOK_DIST, { recursive: true });
  for (const dir of [CABINET_DIST, STORYBOOK_DIST]) {
    const ignore = path.join(dir, ".gitignore");
    if (!(await exists(ignore))) await writeFile(ignore, GITIGNORE);
  }
  // axe-core for the storybook's accessibility panel, served as a static file.
  await copyFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), path.join(STORYBOOK_DIST, "axe.min.js"));
}

/**
 * dist/htmx.js: htmx's own dist/htmx.min.js (a classic script defining the global `htmx`;
 * 1.2 KB gzipped smaller than its ES module bundled and minified here) between the two
 * guards that let it start when loaded after DOMContentLoaded (frontend/htmx-before.js),
 * minified once more by terser.
 */
async function writeHtmxJs() {
  const guard = async (name) =>
    (await esbuild.transform(await readFile(path.join(ROOT, "frontend", name), "utf8"), { minify: true, target: "es2020" })).code.trim();
  const vendor = (await readFile(path.join(NODE_MODULES, "htmx.org/dist/htmx.min.js"), "utf8")).trim();
  const script = [await guard("htmx-before.js"), vendor, await guard("htmx-after.js")].join("\n");
  // terser again over htmx's own minified build: 0.3 KB gzipped less (its top-level `htmx` stays global).
  const result = await terserMinify(script, TERSER_OPTIONS);
  await writeFile(path.join(CABINET_DIST, "htmx.js"), result.code + "\n");
}

const TERSER_OPTIONS = {
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: /@license|@preserve|^!/ },
};

/**
 * cabinet.js minified again by terser (about 1 KB gzipped less than esbuild's minifier
 * alone on Alpine); licence comments are kept. Skipped in watch mode.
 */
async function compressCabinetJs() {
  const file = path.join(CABINET_DIST, "cabinet.js");
  const result = await terserMinify(await readFile(file, "utf8"), TERSER_OPTIONS);
  await writeFile(file, result.code);
}

async function reportSizes() {
  const rows = [];
  for (const name of ["cabinet.css", "cabinet.rtl.css", "cabinet.js", "htmx.js"]) {
    const data = await readFile(path.join(CABINET_DIST, name));
    rows.push(`  ${name.padEnd(16)} ${(data.length / 1024).toFixed(1).padStart(7)} kB  gzip ${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1).padStart(6)} kB`);
  }
  console.log(`cabinet bundle -> ${path.relative(ROOT, CABINET_DIST)}/\n${rows.join("\n")}`);
}

async function main() {
  const started = performance.now();
  await prepareOutputFolders();
  await writeGeneratedCss();
  const icons = await writeIconFiles(CABINET_DIST);
  await writeComponentsManifest();
  await writeHtmxJs();
  const components = await componentCssBuilds();
  const builds = [...(await cabinetBuilds(icons)), ...components, ...(await storybookBuilds())];
  if (WATCH) {
    for (const options of builds) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    console.log("watching for changes (restart to pick up files added to a new component folder)...");
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await compressCabinetJs();
  await reportSizes();
  console.log(`icons: ${icons.used.length} named by the library (rules in cabinet.css, names in icons-used.json)`);
  console.log(`components: ${components.length} stylesheets in ${path.relative(ROOT, CABINET_DIST)}/components/`);
  if (builds.length > 3 + components.length) console.log(`storybook bundle -> ${path.relative(ROOT, STORYBOOK_DIST)}/`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
