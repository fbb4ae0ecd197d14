"""The composition root: command line dispatch, logging, and (later) the window."""

from __future__ import annotations

import json
import sys

from . import cli


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv:
        sys.exit(cli.main(argv))
    from .core import default_scenario, run

    print(json.dumps(run(default_scenario()).summary, indent=2))
