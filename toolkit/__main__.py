"""``python -m toolkit`` and the ``toolkit`` console script run the command line (see :mod:`toolkit.cli`)."""
import sys


def run() -> int:
    """Run the ``toolkit`` command, a Ctrl-C at any point of it a stop (status 130, one line), not a traceback.

    Returns
    -------
    int
        The exit status of :func:`toolkit.cli.main`, or 130 for an interrupt outside its own handlers.
    """
    try:
        # (imported here: the console script imported toolkit.cli itself, where a Ctrl-C was a traceback)
        from toolkit.cli import main

        return main()
    except KeyboardInterrupt:  # at start-up, or between main's handlers: a stop as later on (toolkit.cli.main's line)
        print("toolkit: stopped by SIGINT", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(run())
