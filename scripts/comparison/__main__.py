"""`python -m comparison`: regenerate the comparison section, charts and downloads (or `--check`)."""

from comparison.cli import main

raise SystemExit(main())
