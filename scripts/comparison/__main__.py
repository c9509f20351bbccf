"""`python -m comparison`: regenerate the comparison page, charts and downloads (or `--check`)."""

from comparison.cli import main

raise SystemExit(main())
