"""``python -m toolkit`` runs the command line (see :mod:`toolkit.cli`)."""
from toolkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
