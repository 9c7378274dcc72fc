"""``python -m toolkit`` runs the command line (see :mod:`toolkit.cli`)."""
if __name__ == "__main__":
    try:
        from toolkit.cli import main
    except KeyboardInterrupt:  # a Ctrl-C at start-up: the exit status of a stop, without a traceback
        raise SystemExit(130) from None
    raise SystemExit(main())
