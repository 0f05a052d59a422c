// The Bootstrap Icons part of the build: the icon font in pieces, the icons the library names.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import subsetFont from "subset-font";
import { COMPONENTS, exists, NODE_MODULES, packageVersion, ROOT } from "./common.mjs";

export const ICONS_FONT = path.join(NODE_MODULES, "bootstrap-icons/font");
const ICON_FONT_CACHE = path.join(NODE_MODULES, ".cache/cabinet-icons");
const ICON_SLICE = 256; // icons per slice of the icon font: 4-21 KB each instead of 134 KB for all
// Where the library names icons (`bi-<name>`): collected into icons-used.json.
const ICON_SOURCES = [
  [COMPONENTS, [".html", ".py", ".js"]],
  [path.join(ROOT, "src/codex_django/cabinet"), [".html", ".py", ".js"]],
  [path.join(ROOT, "storybook"), [".html", ".py", ".js"]],
];

/** `U+F101-F103,U+F1A0`: the unicode-range of sorted code points. */
function unicodeRange(points) {
  const parts = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    const hex = (point) => point.toString(16).toUpperCase();
    parts.push(j > i ? `U+${hex(points[i])}-${hex(points[j])}` : `U+${hex(points[i])}`);
    i = j;
  }
  return parts.join(",");
}

/**
 * The icon font in pieces, as @font-face rules of one family with unicode ranges: a browser
 * downloads only the pieces whose range holds an icon of the page. The whole font is 134 KB;
 * the icons the library names are one 6 KB piece (declared last, so the browser looks there
 * first: CSS Fonts 4, "unicode-range"), every icon is also in one of the slices of ICON_SLICE
 * code points, for the icons a project adds (CODEX_CABINET["ICONS"], the registry). The
 * glyphs are the font's own, cut by harfbuzz (subset-font); cached in node_modules/.cache.
 */
async function iconFontFaces(used, codepoints) {
  const source = await readFile(path.join(ICONS_FONT, "fonts/bootstrap-icons.woff2"));
  const versions = await Promise.all(["bootstrap-icons", "subset-font"].map(packageVersion));
  const all = [...new Set(Object.values(codepoints))].sort((a, b) => a - b);
  const pieces = [];
  for (let start = 0; start < all.length; start += ICON_SLICE) {
    pieces.push({ name: `bootstrap-icons-${start / ICON_SLICE + 1}`, points: all.slice(start, start + ICON_SLICE) });
  }
  pieces.push({ name: "bootstrap-icons-cabinet", points: [...new Set(used.map((name) => codepoints[name]))].sort((a, b) => a - b) });
  const faces = [];
  for (const piece of pieces) {
    const key = createHash("sha256").update(JSON.stringify([versions, piece.points])).digest("hex").slice(0, 16);
    const file = path.join(ICON_FONT_CACHE, key, `${piece.name}.woff2`);
    if (!(await exists(file))) {
      const text = String.fromCodePoint(...piece.points);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, await subsetFont(source, text, { targetFormat: "woff2" }));
    }
    const url = path.relative(ICONS_FONT, file).split(path.sep).join("/");
    // The library's piece also claims the space: a browser takes an element's line metrics from
    // the first face whose range holds U+0020, which must be this font (as with the whole font),
    // not the fallback font (that moved icons by a pixel).
    const range = unicodeRange(piece.points) + (piece.name === "bootstrap-icons-cabinet" ? ",U+20" : "");
    faces.push(
      `@font-face{font-display:block;font-family:"bootstrap-icons";src:url("${url}") format("woff2");` +
        `unicode-range:${range}}`,
    );
  }
  return faces.join("\n");
}

/**
 * bootstrap-icons.css's base rule (`.bi::before`), the icon font in pieces (iconFontFaces, in
 * place of its one @font-face) and the rules of the icons the library itself names; every other
 * icon's rule comes from icons.py's stylesheet (the registry's and CODEX_CABINET["ICONS"]) or
 * icons-all.css.
 */
export async function iconsCss(used, codepoints) {
  const css = await readFile(path.join(ICONS_FONT, "bootstrap-icons.css"), "utf8");
  const face = css.indexOf("@font-face");
  const faceEnd = css.indexOf("}", face) + 1;
  const end = css.indexOf("}", css.indexOf(".bi::before")) + 1;
  if (face < 0 || end <= 0 || faceEnd > end) throw new Error("bootstrap-icons.css: no @font-face then .bi::before rule found");
  const faces = await iconFontFaces(used, codepoints);
  return css.slice(0, face) + faces + css.slice(faceEnd, end) + "\n" + iconRules(used, codepoints);
}

/** Every icon's rule, in Bootstrap Icons' own format (the fallback stylesheet icons-all.css). */
function iconRules(names, codepoints) {
  return names.map((name) => `.bi-${name}::before{content:"\\${codepoints[name].toString(16)}"}`).join("\n") + "\n";
}

async function sourceFiles(dir, extensions) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await sourceFiles(full, extensions)));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) found.push(full);
  }
  return found;
}

/** icons.json (name -> codepoint), icons-used.json (names the library uses) and icons-all.css, in CABINET_DIST. */
export async function writeIconFiles(CABINET_DIST) {
  await mkdir(CABINET_DIST, { recursive: true });
  const codepoints = JSON.parse(await readFile(path.join(ICONS_FONT, "bootstrap-icons.json"), "utf8"));
  const names = Object.keys(codepoints).sort();
  const used = new Set();
  for (const [dir, extensions] of ICON_SOURCES) {
    if (!(await exists(dir))) continue;
    for (const file of await sourceFiles(dir, extensions)) {
      for (const match of (await readFile(file, "utf8")).matchAll(/\bbi-([a-z0-9]+(?:-[a-z0-9]+)*)/g)) {
        if (Object.hasOwn(codepoints, match[1])) used.add(match[1]);
      }
    }
  }
  const sorted = Object.fromEntries(names.map((name) => [name, codepoints[name]]));
  await writeFile(path.join(CABINET_DIST, "icons.json"), JSON.stringify(sorted) + "\n");
  await writeFile(path.join(CABINET_DIST, "icons-used.json"), JSON.stringify([...used].sort()) + "\n");
  await writeFile(path.join(CABINET_DIST, "icons-all.css"), iconRules(names, codepoints));
  return { used: [...used].sort(), codepoints };
}
