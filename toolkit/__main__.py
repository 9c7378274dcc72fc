"""``python -m toolkit`` runs the command line (see :mod:`toolkit.cli`)."""
if __name__ == "__main__":
    try:
        from toolkit.cli import main
    except KeyboardInterrupt:  # a Ctrl-C at start-up: a stop as later on (toolkit.cli.main's line), no traceback
        import sys

        print("toolkit: stopped by SIGINT", file=sys.stderr)
        raise SystemExit(130) from None
    raise SystemExit(main())
