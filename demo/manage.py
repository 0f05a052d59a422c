#!/usr/bin/env python
"""Command-line entry point of the demo project (a salon-booking cabinet)."""

import os
import sys
from pathlib import Path


def main() -> None:
    # Run from anywhere: the demo's apps live beside this file.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salon.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
