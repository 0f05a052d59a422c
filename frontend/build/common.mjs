// Paths and small helpers shared by the build's modules (frontend/build.mjs is the entry point).

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CABINET_STATIC = path.join(ROOT, "src/codex_django/cabinet/static/cabinet");
export const COMPONENTS = path.join(ROOT, "components");
export const STORYBOOK_SRC = path.join(ROOT, "storybook/frontend");
export const NODE_MODULES = path.join(ROOT, "node_modules");

export async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function packageVersion(name) {
  return JSON.parse(await readFile(path.join(NODE_MODULES, name, "package.json"), "utf8")).version;
}
