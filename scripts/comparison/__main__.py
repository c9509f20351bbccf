"""`python -m comparison`: regenerate the comparison section and its files (or `--check`)."""

from comparison.cli import main

raise SystemExit(main())
