"""Maps ``components/`` and ``storybook/`` into the ``codex_django`` package.

The metadata lives in pyproject.toml; only the package list is computed here,
because setuptools cannot express "every sub-package of a mapped folder" there.
"""

from setuptools import find_namespace_packages, setup

MAPPED = {
    "codex_django.cabinet.components": "components",
    "codex_django.storybook": "storybook",
}


def packages() -> list[str]:
    found = list(find_namespace_packages("src", include=["codex_django*"]))
    for package, folder in MAPPED.items():
        found.append(package)
        found += [f"{package}.{sub}" for sub in find_namespace_packages(folder, exclude=["*__pycache__*"])]
    return sorted(found)


setup(
    packages=packages(),
    package_dir={"codex_django": "src/codex_django", **MAPPED},
)
