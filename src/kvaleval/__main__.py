try:
    from kvaleval.cli import interrupted, main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: no traceback
    import sys

    print("Afbrudt.", file=sys.stderr)  # noqa: T201
    sys.exit(130)

try:
    main()
except KeyboardInterrupt:
    interrupted()
