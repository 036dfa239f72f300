"""``python -m s400lib parse ...`` / ``python -m s400lib report ...``: see :mod:`s400lib.cli`."""

from .cli import main

raise SystemExit(main())
